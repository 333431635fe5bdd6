"""The seed page through the article reader: the metadata and body the issue asks for."""
from communique.article import read_article
from communique.sources.files import iter_documents


def test_seed_metadata_and_body(seed_path):
    (document,) = list(iter_documents([str(seed_path)]))
    record = read_article(document)
    headline = seed_path.read_text(encoding="utf-8").splitlines()[0].strip()
    assert record.title == headline
    assert record.authors == ["Rosalba Bejdo"]
    assert record.published == "2025-03-11T20:46:00"
    assert record.section == "Aktualitet"
    assert record.source.credit == "A2 Televizion"
    assert record.language == "en"
    assert record.warnings == []
    assert record.text.startswith("Dialogue is the only way")
    assert record.text.endswith("met with Prime Minister Albin Kurti.")
    for furniture in ("Nga ", "Rosalba Bejdo", "20:46", "Aktualitet", "(A2 Televizion)", "Livestream",
                      "Live Updates", "Latest Videos"):
        assert furniture not in record.text
    paragraphs = record.text.split("\n\n")
    assert len(paragraphs) == 8 and all(p.strip() == p and p for p in paragraphs)
    assert record.path == str(seed_path)
