"""The pipeline's promises: input order, one record per article, failures never stop the batch."""
from communique.document import Document, Failure
from communique.pipeline import Pipeline


def _doc(name: str, text: str) -> Document:
    return Document(origin=name, fields={"id": name, "text": text})


def test_results_keep_input_order_and_failures_do_not_stop_the_batch():
    docs = [_doc(f"d{i}", f"The mayor of Springfield said on Monday that bridge number {i} would reopen.") for i in range(5)]
    docs.insert(2, Failure("broken.json:3", "malformed JSON"))
    results = list(Pipeline().run(docs))
    assert [getattr(r, "id", None) or r.origin for r in results] == ["d0", "d1", "broken.json:3", "d2", "d3", "d4"]
    assert isinstance(results[2], Failure)


def test_workers_give_the_same_records_as_one_process():
    docs = [_doc(f"w{i}", f"Officials in Lisbon said the port strike entered its {i + 2}nd day. Unions agreed to talks.")
            for i in range(20)]
    one = [r.to_dict() for r in Pipeline().run(docs, workers=1)]
    two = [r.to_dict() for r in Pipeline().run(docs, workers=2)]
    assert one == two


def test_given_text_is_kept_verbatim():
    text = "  Leading spaces,\r\nodd line ends\tand tabs stay.  The minister said so. "
    (record,) = Pipeline().run([_doc("v", text)])
    assert record.text == text
