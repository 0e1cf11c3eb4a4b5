// Passes over the loaded model, run in a fixed order before any writer sees the book.
#pragma once
#include "base/diag.hpp"
#include "model/model.hpp"

namespace bookc::model {

// Which readers' comments a chapter keeps, and in what order (book.toml's [comments];
// load::pass_options fills it, as the model does not read the configuration).
enum class CommentOrder { Source, Likes, Date };
struct CommentSelection {
    bool include = true;
    int min_likes = 0;
    CommentOrder order = CommentOrder::Source;
    int max_per_chapter = -1;  // -1: all
};

struct PassOptions {
    CommentSelection comments;
    bool normalize_punctuation = true;  // [clean] normalize_punctuation
};

// 1. assign_ids: stable chapter ids ("ch01"...), heading ids ("ch01-s2"...), footnote ids;
// 1b. number_equations: \tag, \label and \eqref within each chapter;
// 2. apply_comment_options: [comments] include / min_likes / sort / max per chapter;
// 3. set_build_date: meta.modified from SOURCE_DATE_EPOCH, else meta.date, else a fixed epoch;
// 4. normalize_punctuation ([clean] normalize_punctuation, default on).
void run_passes(Book& book, const PassOptions& opts, base::DiagSink& diags);

void assign_ids(Book& book);
// Display equations: \tag numbers, \label → automatic numbers, \eqref resolved (per chapter).
void number_equations(Book& book, base::DiagSink& diags);
void apply_comment_options(Book& book, const CommentSelection& opts);
void set_build_date(Book& book, const char* source_date_epoch /* may be null */);

// Half-width , ; : ? ! ( ) typed between Han characters (跟他聊过之后,我却发现) become
// their full-width forms, in titles, text and comments; never in code, links or Latin text.
void normalize_punctuation(Book& book);
// The rule on one run of text: ',' ';' ':' between Han characters (spaces after it are
// dropped), '?' '!' after Han and before Han or the end, '(…)' holding Han next to Han.
std::string normalize_punctuation(std::string_view text);

}  // namespace bookc::model
