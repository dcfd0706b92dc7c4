"""Score a folder or a table of transcripts with PySpark through the warmcall binding.

    python spark_score.py calls/ -o scored.parquet                  # a folder, local[*]
    python spark_score.py calls/ --master 'local[2]' -o scored.parquet --exclude '*.expected.json'
    python spark_score.py --table transcripts.parquet -o scored.parquet   # columns path, content[, modified]
    python spark_score.py 's3a://bucket/calls/' --read spark -o s3a://bucket/scored/

One row per input, never lost: the CLI's CSV columns as typed Spark columns
(``warmcall.COLUMNS``: strings, doubles, longs, a boolean) plus ``json``,
the input's record exactly as ``warmcall analyze -f jsonl`` writes it
(``{"type": "call", ...report}`` or ``{"type": "error", "path", "line",
"kind", "message"}``). A file that cannot be read or parsed is a row with
``status = "error"``; the job itself does not fail.

How it works: the driver builds one ``warmcall.Analyzer`` and the
``mapInPandas`` function refers to it. Spark pickles that function for each
task; unpickling an Analyzer rebuilds it from its config once per Python
worker process (``warmcall._rebuild`` is cached), so every later task and
row in that process reuses the compiled lexicons. Each Arrow batch is
analysed in one native call with the GIL released
(``Analyzer.dataframe``).

Reading: ``--read local`` (default) hands the executors the paths and the
native code reads the files, which needs the folder on every executor at the
same path (local mode, a shared mount). ``--read spark`` uses Spark's
``binaryFile`` source instead (any file system Spark reads: HDFS, S3, ...),
at the cost of shipping the bytes through the JVM and Arrow. See
docs/scale-out.md.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
import time
from typing import Any, Iterator, List, Optional

import warmcall

# Folders are walked like the CLI walks them (docs/cli.md): these extensions.
EXTENSIONS = ("vtt", "srt", "txt", "csv", "tsv", "json", "cha", "rttm", "eaf", "trs", "textgrid", "docx")

SPARK_TYPES = {"str": "string", "float": "double", "int": "bigint", "bool": "boolean"}


def schema_ddl() -> str:
    """The output schema as Spark DDL: the CSV columns, typed, then ``json``."""
    cols = [f"`{name}` {SPARK_TYPES[kind]}" for name, kind in warmcall.COLUMNS]
    return ", ".join(cols + ["`json` string"])


def walk(paths: List[str], exclude: List[str]) -> List[str]:
    """Files named are taken as they are; folders are walked (sorted), as the CLI does."""
    found = set()
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                for f in files:
                    full = os.path.join(root, f)
                    if f.rsplit(".", 1)[-1].lower() not in EXTENSIONS:
                        continue
                    if any(fnmatch.fnmatch(full, g) or fnmatch.fnmatch(f, g) for g in exclude):
                        continue
                    found.add(full)
        else:
            found.add(p)
    return sorted(found)


def score(df: Any, analyzer: warmcall.Analyzer, content: Optional[str] = None, modified: Optional[str] = None) -> Any:
    """Scores a Spark DataFrame with a ``path`` column (and, with ``content``, the transcript bytes or text).

    Without ``content`` the executors read the files at ``path``. ``modified``
    names a column of file modification times in seconds since 1970, the
    CLI's last resort for a call's date when neither the transcript nor the
    path holds one.
    """

    def batches(frames: Iterator[Any]) -> Iterator[Any]:
        # `analyzer` travels pickled with this function and is rebuilt once
        # per worker process; see the module docstring.
        for pdf in frames:
            if content is None:
                inputs: List[Any] = pdf["path"].tolist()
            elif modified is None:
                inputs = list(zip(pdf["path"].tolist(), pdf[content].tolist()))
            else:
                times = [None if t != t else t for t in pdf[modified].tolist()]  # NaN: none
                inputs = list(zip(pdf["path"].tolist(), pdf[content].tolist(), times))
            yield analyzer.dataframe(inputs, json=True)

    return df.mapInPandas(batches, schema=schema_ddl())


def read_binary(spark: Any, paths: List[str], exclude: List[str]) -> Any:
    """The inputs through Spark's binaryFile source: ``path`` (as given, ``file:`` dropped), ``content`` and ``modified``."""
    from pyspark.sql import functions as F

    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    # A timestamp cast to double is seconds since 1970 whatever the session's zone.
    df = reader.load(paths).select("path", "content", F.col("modificationTime").cast("double").alias("modified"))
    names = F.regexp_extract(F.col("path"), r"([^/]*)$", 1)
    ext = F.lower(F.regexp_extract(names, r"\.([^.]*)$", 1))
    df = df.where(ext.isin(*EXTENSIONS))
    for g in exclude:
        # fnmatch's `*` is SQL LIKE's `%`.
        like = g.replace("%", "\\%").replace("_", "\\_").replace("*", "%").replace("?", "_")
        df = df.where(~(F.col("path").like(like) | names.like(like)))
    return df.withColumn("path", F.regexp_replace("path", "^file:", ""))


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="files and folders (folders walked as the CLI walks them)")
    ap.add_argument("--table", help="a Parquet table with columns path and content (bytes or text), and optionally modified (a timestamp), instead of files")
    ap.add_argument("-o", "--output", required=True, help="where to write the scored rows")
    ap.add_argument("--output-format", default="parquet", choices=["parquet", "json", "noop"])
    ap.add_argument("--master", default="local[*]")
    ap.add_argument("--read", default="local", choices=["local", "spark"], help="who reads the files (see above)")
    ap.add_argument("--partitions", type=int, default=0, help="input partitions (default: Spark's parallelism)")
    ap.add_argument("--repeat", type=int, default=1, help="run the job N times in one session (benchmarks)")
    ap.add_argument("--exclude", action="append", default=[], help="glob, as the CLI's --exclude")
    ap.add_argument("--config", help="a warmcall.toml")
    ap.add_argument("--agent")
    ap.add_argument("--lang", default="auto")
    ap.add_argument("--profile")
    ap.add_argument("--ui-lang")
    args = ap.parse_args(argv)
    if not args.paths and not args.table:
        ap.error("give files or folders, or --table")

    # Workers must run the interpreter that has warmcall installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    t0 = time.perf_counter()
    spark = (
        SparkSession.builder.master(args.master)
        .appName("warmcall")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    t_session = time.perf_counter() - t0

    config_toml = open(args.config, encoding="utf-8").read() if args.config else None
    analyzer = warmcall.Analyzer(
        config_toml, agent=args.agent, lang=args.lang, profile=args.profile, ui_lang=args.ui_lang
    )
    parts = args.partitions or spark.sparkContext.defaultParallelism

    t1 = time.perf_counter()
    if args.table:
        df = spark.read.parquet(args.table)
        modified = "modified" if "modified" in df.columns else None
        df = df.select("path", "content", *([F.col(modified).cast("double").alias(modified)] if modified else []))
        scored = score(df.repartition(parts), analyzer, content="content", modified=modified)
    elif args.read == "spark":
        df = read_binary(spark, args.paths, args.exclude).repartition(parts)
        scored = score(df, analyzer, content="content", modified="modified")
    else:
        files = walk(args.paths, args.exclude)
        df = spark.createDataFrame([(p,) for p in files], "path string").repartition(parts)
        scored = score(df, analyzer)
    jobs = []
    for _ in range(args.repeat):
        writer = scored.write.mode("overwrite")
        if args.output_format == "noop":
            writer.format("noop").save()
        else:
            writer.format(args.output_format).save(args.output)
        jobs.append(time.perf_counter() - t1)
        t1 = time.perf_counter()
    t_job = jobs[0]

    # Counted from the written rows, so the figures are about what landed.
    if args.output_format == "noop":
        out = scored
    else:
        out = spark.read.format(args.output_format).load(args.output)
    counts = {r["status"]: r["count"] for r in out.groupBy("status").count().collect()}
    n = sum(counts.values())
    print(
        f"warmcall spark: {n} inputs ({counts.get('ok', 0)} calls, {counts.get('error', 0)} errors) "
        f"on {args.master} in {t_job:.2f} s of Spark job ({n / t_job:.0f} inputs/s), "
        f"session start {t_session:.2f} s"
    )
    if len(jobs) > 1:
        # The first job also starts the Python workers and warms the JVM.
        print("warmcall spark: jobs " + ", ".join(f"{t:.2f} s" for t in jobs))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
