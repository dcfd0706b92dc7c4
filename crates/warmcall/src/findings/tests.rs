//! Unit tests of the finding rules on hand-built inputs.
