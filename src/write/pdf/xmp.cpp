#include "write/pdf/xmp.hpp"

#include <sstream>

#include <pugixml.hpp>

namespace bookc::pdf {

namespace {

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at <= s.size()) {
        std::size_t comma = s.find(", ", at);
        std::string item =
            s.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
        if (!item.empty()) out.push_back(item);
        if (comma == std::string::npos) break;
        at = comma + 2;
    }
    return out;
}

// "2024-05-01" or "2024-05-01T10:20:30Z" as XMP wants it; "" when it is neither.
std::string xmp_date(const std::string& d) {
    auto digits = [&](std::size_t from, std::size_t n) {
        if (d.size() < from + n) return false;
        for (std::size_t i = from; i < from + n; ++i)
            if (d[i] < '0' || d[i] > '9') return false;
        return true;
    };
    if (!digits(0, 4) || d.size() < 10 || d[4] != '-' || !digits(5, 2) || d[7] != '-' ||
        !digits(8, 2))
        return "";
    if (d.size() == 10) return d;
    if (d.size() >= 20 && d[10] == 'T' && digits(11, 2) && d[13] == ':' && digits(14, 2) &&
        d[16] == ':' && digits(17, 2) && (d[19] == 'Z' || d[19] == '+' || d[19] == '-'))
        return d;
    return d.substr(0, 10);
}

void lang_alt(pugi::xml_node parent, const char* name, const std::string& text) {
    auto li = parent.append_child(name).append_child("rdf:Alt").append_child("rdf:li");
    li.append_attribute("xml:lang") = "x-default";
    li.text() = text.c_str();
}

void list(pugi::xml_node parent, const char* name, const char* kind,
          const std::vector<std::string>& items) {
    if (items.empty()) return;
    auto seq = parent.append_child(name).append_child(kind);
    for (const auto& i : items) seq.append_child("rdf:li").text() = i.c_str();
}

}  // namespace

std::string xmp_packet(const display::Metadata& meta, const std::string& producer) {
    pugi::xml_document doc;
    auto begin = doc.append_child(pugi::node_pi);
    begin.set_name("xpacket");
    begin.set_value("begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"");
    auto x = doc.append_child("x:xmpmeta");
    x.append_attribute("xmlns:x") = "adobe:ns:meta/";
    auto rdf = x.append_child("rdf:RDF");
    rdf.append_attribute("xmlns:rdf") = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    auto d = rdf.append_child("rdf:Description");
    d.append_attribute("rdf:about") = "";
    d.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    d.append_attribute("xmlns:xmp") = "http://ns.adobe.com/xap/1.0/";
    d.append_attribute("xmlns:pdf") = "http://ns.adobe.com/pdf/1.3/";
    d.append_child("dc:format").text() = "application/pdf";
    if (!meta.title.empty()) lang_alt(d, "dc:title", meta.title);
    list(d, "dc:creator", "rdf:Seq", split_list(meta.author));
    if (!meta.subject.empty()) lang_alt(d, "dc:description", meta.subject);
    list(d, "dc:subject", "rdf:Bag", split_list(meta.keywords));
    if (!meta.language.empty()) list(d, "dc:language", "rdf:Bag", {meta.language});
    if (!meta.keywords.empty()) d.append_child("pdf:Keywords").text() = meta.keywords.c_str();
    d.append_child("pdf:Producer").text() = producer.c_str();
    d.append_child("xmp:CreatorTool").text() =
        (meta.creator.empty() ? "bookc" : meta.creator.c_str());
    const std::string date = xmp_date(meta.date);
    if (!date.empty())
        for (const char* k : {"xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"})
            d.append_child(k).text() = date.c_str();
    auto end = doc.append_child(pugi::node_pi);
    end.set_name("xpacket");
    end.set_value("end=\"r\"");
    std::ostringstream out;
    doc.save(out, " ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    return out.str();
}

}  // namespace bookc::pdf
