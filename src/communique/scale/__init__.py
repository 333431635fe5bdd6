"""Running the pipeline over large inputs: local processes or Ray."""
