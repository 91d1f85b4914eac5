//! Ranking quality: nDCG@k and average precision over graded relevance, and a BM25 text
//! ranker as the baseline the engine must beat.
