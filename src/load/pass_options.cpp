// book.toml's options for the model passes: the model does not read the configuration,
// so the loader, which does, hands them over in the model's own terms.
#include "load/load.hpp"

namespace bookc::load {

model::PassOptions pass_options(const config::BookConfig& cfg) {
    model::PassOptions o;
    const config::CommentOptions& c = cfg.comments;
    o.comments.include = c.include;
    o.comments.min_likes = c.min_likes;
    o.comments.max_per_chapter = c.max_per_chapter;
    switch (c.sort) {
        case config::CommentSort::Source:
            o.comments.order = model::CommentOrder::Source;
            break;
        case config::CommentSort::Likes:
            o.comments.order = model::CommentOrder::Likes;
            break;
        case config::CommentSort::Date:
            o.comments.order = model::CommentOrder::Date;
            break;
    }
    o.normalize_punctuation = cfg.normalize_punctuation;
    return o;
}

}  // namespace bookc::load
