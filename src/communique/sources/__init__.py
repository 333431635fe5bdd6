"""Where documents come from: files and directories, stdin, JSON Lines, gzip (later: WARC, feeds, URLs)."""
