//! Corpus generation helpers shared by the benches and the `gen-corpus` binary.
