/* C tests for the scanner and the sentence splitter: a table of hard cases
 * written for these tests (each a text and its sentences joined by " | "),
 * token kinds of the scanner, the agreement of vnt_sentences with
 * vnt_sentences_from_tokens, errors, and linear time on inputs built to be
 * slow (a million periods, a million short sentences). */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "vntext.h"
#include "internal.h"

/* The sentences of text joined by " | ", into buf. Also checks that the
 * sparse and the full-scan paths agree. */
static const char *split(const char *text, size_t len, char *buf, size_t cap)
{
    vnt_tokens work, toks;
    vnt_spans a, b;
    vnt_tokens_init(&work);
    vnt_tokens_init(&toks);
    vnt_spans_init(&a);
    vnt_spans_init(&b);
    size_t used = 0;
    buf[0] = '\0';
    if (vnt_sentences(text, len, &work, &a) != VNT_OK) {
        snprintf(buf, cap, "<error>");
    } else {
        CHECK(vnt_scan(text, len, &toks) == VNT_OK);
        CHECK(vnt_sentences_from_tokens(text, len, &toks, &b) == VNT_OK);
        CHECK(a.len == b.len);
        for (size_t k = 0; k < a.len; k++) {
            if (k < b.len)
                CHECK(a.items[k].start == b.items[k].start && a.items[k].end == b.items[k].end);
            int w = snprintf(buf + used, cap - used, "%s%.*s", k ? " | " : "",
                             (int)(a.items[k].end - a.items[k].start), text + a.items[k].start);
            if (w < 0 || (size_t)w >= cap - used)
                break;
            used += (size_t)w;
        }
    }
    vnt_tokens_free(&work);
    vnt_tokens_free(&toks);
    vnt_spans_free(&a);
    vnt_spans_free(&b);
    return buf;
}

static const struct {
    const char *text, *want;
} CASES[] = {
    /* quotes: closing quotes stay with their sentence */
    {"Anh nói: \"Xin chào.\" Rồi anh đi.", "Anh nói: \"Xin chào.\" | Rồi anh đi."},
    {"Chị hỏi: “Em đi đâu?” Em không đáp.", "Chị hỏi: “Em đi đâu?” | Em không đáp."},
    {"Anh hỏi: \"Sao vậy?\" rồi bỏ đi.", "Anh hỏi: \"Sao vậy?\" rồi bỏ đi."},
    {"Ông nói: \"Nhớ quá... \". Chúng tôi im lặng.", "Ông nói: \"Nhớ quá... \". | Chúng tôi im lặng."},
    {"Tôi đi (vì mệt). Anh ở lại.", "Tôi đi (vì mệt). | Anh ở lại."},
    {"Tôi đi (vì mệt.) Anh ở lại.", "Tôi đi (vì mệt.) | Anh ở lại."},
    {"Cá biệt có nơi đạt 100% (?!). Thật lạ.", "Cá biệt có nơi đạt 100% (?!). | Thật lạ."},
    /* emoji and emoticons after words end a sentence before a sure start
     * that is not a name; after a mark they stay with its sentence */
    {"Ngon lắm 😍😍 Sẽ quay lại!", "Ngon lắm 😍😍 | Sẽ quay lại!"},
    {"Mình yêu 😍 Hà Nội lắm.", "Mình yêu 😍 Hà Nội lắm."},
    {"Tuyệt vời! 😍 😍 Sẽ quay lại.", "Tuyệt vời! 😍 😍 | Sẽ quay lại."},
    {"Tuyệt vời! :))", "Tuyệt vời! :))"},
    {"Ngon :) Lần sau =)) Cho 5 sao ^^ Yêu <3 Mệt -_- Thôi", "Ngon :) | Lần sau =)) | Cho 5 sao ^^ | Yêu <3 | Mệt -_- | Thôi"},
    /* a brand or a foreign word after an emoji goes on; emoji that open
     * a sentence are bullets: the next run opens the next item */
    {"Mua ở 🛒 Shopee giá rẻ.", "Mua ở 🛒 Shopee giá rẻ."},
    {"✅ Giao hàng toàn quốc ✅ Bảo hành 12 tháng. ✅ Đổi trả miễn phí", "✅ Giao hàng toàn quốc | ✅ Bảo hành 12 tháng. | ✅ Đổi trả miễn phí"},
    {"ngon! ) ) x ) 😍 gây ra lỗi", "ngon! ) ) x ) 😍 gây ra lỗi"},
    {"hôm nay vui lắm. mai đi tiếp :D\nNGON QUÁ :D SAU ĐÓ VỀ", "hôm nay vui lắm. | mai đi tiếp :D | NGON QUÁ :D | SAU ĐÓ VỀ"},
    {"Lúc 8:30 Tôi đến. Xem :(1) Đây.", "Lúc 8:30 Tôi đến. | Xem :(1) Đây."},
    {"ngon quá 😍 sau đó về\nđẹp! :) sẽ mua", "ngon quá 😍 | sau đó về | đẹp! :) | sẽ mua"},
    /* domains, URLs, e-mail */
    {"Đọc tin trên vnexpress.net. Rất nhanh.", "Đọc tin trên vnexpress.net. | Rất nhanh."},
    {"Xem tại https://example.vn/tin-tuc/a.html. Hết.", "Xem tại https://example.vn/tin-tuc/a.html. | Hết."},
    {"Gửi thư cho thu.nguyen@example.com. Cảm ơn.", "Gửi thư cho thu.nguyen@example.com. | Cảm ơn."},
    {"Trang www.tuoitre.com.vn có nhiều tin.", "Trang www.tuoitre.com.vn có nhiều tin."},
    /* numbers and times */
    {"Giá 1.500 đồng, tăng 3.5% lên 2.0.1 lúc 8h30. Xong.",
     "Giá 1.500 đồng, tăng 3.5% lên 2.0.1 lúc 8h30. | Xong."},
    {"Ngày 20-11-2003 có 3,5 triệu người. Sau đó thì khác.",
     "Ngày 20-11-2003 có 3,5 triệu người. | Sau đó thì khác."},
    {"Tỷ số là 2-1. 15 phút sau, trận đấu kết thúc.", "Tỷ số là 2-1. | 15 phút sau, trận đấu kết thúc."},
    /* abbreviations and initials */
    {"GS. Nam và PGS.TS. Lan sống ở TP. HCM và Q. 3.", "GS. Nam và PGS.TS. Lan sống ở TP. HCM và Q. 3."},
    {"Ông sống ở TP.HCM. Bà sống ở Tp. Huế.", "Ông sống ở TP.HCM. | Bà sống ở Tp. Huế."},
    {"Cam, quýt, bưởi v.v. đều ngon.", "Cam, quýt, bưởi v.v. đều ngon."},
    {"Ông N. V. Nam và bà K.T. Hoa đến.", "Ông N. V. Nam và bà K.T. Hoa đến."},
    {"Cần bổ sung vitamin C. Sau đó nghỉ ngơi.", "Cần bổ sung vitamin C. | Sau đó nghỉ ngơi."},
    {"Thửa ruộng rộng 30 m. Các nạn nhân đã được đưa đi.",
     "Thửa ruộng rộng 30 m. | Các nạn nhân đã được đưa đi."},
    /* lists */
    {"1. Giới thiệu\n2. Phương pháp", "1. Giới thiệu | 2. Phương pháp"},
    {"1.2.2. Dữ liệu huấn luyện", "1.2.2. Dữ liệu huấn luyện"},
    {"a. Thứ nhất\nb. Thứ hai\nIV. Kết luận", "a. Thứ nhất | b. Thứ hai | IV. Kết luận"},
    {"Kết quả như sau. - Một là tốt. + Hai là xấu.", "Kết quả như sau. | - Một là tốt. | + Hai là xấu."},
    {"Mức tăng là 2%. 1. 2. Xu thế chung", "Mức tăng là 2%. | 1. 2. Xu thế chung"},
    {"Đất bị sạt lở. b. Phân cấp mức độ", "Đất bị sạt lở. | b. Phân cấp mức độ"},
    {"Cam, quýt, làng văn hoá, v.v. Đây là định hướng.", "Cam, quýt, làng văn hoá, v.v. | Đây là định hướng."},
    {"Ông làm việc ở TP. Theo ông, việc này khó.", "Ông làm việc ở TP. | Theo ông, việc này khó."},
    {"Đường xuống cấp vì phân cấp (?) TT - Sau một năm", "Đường xuống cấp vì phân cấp (?) | TT - Sau một năm"},
    /* ellipsis */
    {"Sơn đã lao vào đầu tàu... \"Tỉnh lại trong bệnh viện\"", "Sơn đã lao vào đầu tàu... | \"Tỉnh lại trong bệnh viện\""},
    {"Khỏi bệnh, béo tròn? ... thế là khỏi.", "Khỏi bệnh, béo tròn? ... thế là khỏi."},
    {"Lời hứa chẳng mất tiền mua… Ngậm ngùi, ông kể.", "Lời hứa chẳng mất tiền mua… | Ngậm ngùi, ông kể."},
    {"Ra trường lại... không có việc làm!", "Ra trường lại... không có việc làm!"},
    {"Tôi nhớ... 6. Hồ Liêm đã đi.", "Tôi nhớ... | 6. Hồ Liêm đã đi."},
    {"Giấy vụn... - thành quả một ngày.", "Giấy vụn... - thành quả một ngày."},
    /* ?!, !!, ./. */
    {"Thật sao?! Không thể nào!! Đúng vậy.", "Thật sao?! | Không thể nào!! | Đúng vậy."},
    {"Quyết định có hiệu lực từ ngày ký./. Nơi nhận: như trên.",
     "Quyết định có hiệu lực từ ngày ký./. | Nơi nhận: như trên."},
    /* line breaks, CRLF, blank lines, runs of spaces */
    {"Tiêu đề bài báo\r\nNội dung bài.\r\n\r\n\r\nHẾT", "Tiêu đề bài báo | Nội dung bài. | HẾT"},
    {"2003/12/01 12:06:17\nTai nạn giao thông", "2003/12/01 12:06:17 | Tai nạn giao thông"},
    {"  Câu một.     Câu hai.   \n\n   ", "Câu một. | Câu hai."},
    {"Không có dấu chấm cuối", "Không có dấu chấm cuối"},
    {"", ""},
    {" \n\t\r\n ", ""},
    {"Dòng một\u2028Dòng hai", "Dòng một | Dòng hai"},
    /* signatures, foreign names, one-letter words (train-CV cases, written anew) */
    {"Việc này đã báo cáo UBND TP. LÊ MINH HÀ", "Việc này đã báo cáo UBND TP. | LÊ MINH HÀ"},
    {"Hồ sơ đã gửi về UBND TP. N.T.H.", "Hồ sơ đã gửi về UBND TP. | N.T.H."},
    {"Vụ việc đang được điều tra. V.H.Q. VÕ HỒNG QUỲNH", "Vụ việc đang được điều tra. | V.H.Q. | VÕ HỒNG QUỲNH"},
    {"Vụ việc đã xong. T.T.H. NGỌC LAN ghi", "Vụ việc đã xong. | T.T.H. | NGỌC LAN ghi"},
    {"Ông gặp bà K.T. HOA ở đó.", "Ông gặp bà K.T. HOA ở đó."},
    {"Theo tài liệu của R. Goldberg, vùng này có nhiều hang.",
     "Theo tài liệu của R. Goldberg, vùng này có nhiều hang."},
    {"Bài của L. T. Hoà viết năm 2005.", "Bài của L. T. Hoà viết năm 2005."},
    {"Ông bà N. Q. Nam ở TP. HCM.", "Ông bà N. Q. Nam ở TP. HCM."},
    {"Kinh tế phát triển nhanh ở Đông Á. Việt Nam cũng vậy.",
     "Kinh tế phát triển nhanh ở Đông Á. | Việt Nam cũng vậy."},
    {"Giải vô địch châu Á. Đội tuyển thắng.", "Giải vô địch châu Á. | Đội tuyển thắng."},
    /* list labels that open a sentence after another */
    {"Mực nước tăng 2 m năm 2010. 3. Hậu quả đối với nông nghiệp",
     "Mực nước tăng 2 m năm 2010. | 3. Hậu quả đối với nông nghiệp"},
    {"Kết quả như sau. A. Giới thiệu chung\nB. Kết luận chung",
     "Kết quả như sau. | A. Giới thiệu chung | B. Kết luận chung"},
    {"Còn nhiều việc, v.v. 2. 1. Mục tiêu chung", "Còn nhiều việc, v.v. | 2. 1. Mục tiêu chung"},
    {"Họ kể lại mọi chuyện... 2. \"Tôi không quên\", bà nói.",
     "Họ kể lại mọi chuyện... | 2. \"Tôi không quên\", bà nói."},
    /* a dash before a lower-case word goes on; a mark after the bracket
     * that closes an abbreviation ends */
    {"\"Đất này tốt lắm!\" - một người dân nói. Ai cũng tin.",
     "\"Đất này tốt lắm!\" - một người dân nói. | Ai cũng tin."},
    {"Có nhiều loài (cua, ghẹ, v.v.). Nghề nuôi phát triển.",
     "Có nhiều loài (cua, ghẹ, v.v.). | Nghề nuôi phát triển."},
    /* after an ellipsis, a bracket before an upper-case word opens a sentence */
    {"Ông lặng đi, không nói gì... (Theo lời kể của con trai ông)",
     "Ông lặng đi, không nói gì... | (Theo lời kể của con trai ông)"},
    {"Có nhiều thứ như rau, thịt... (xem bảng) để chọn.", "Có nhiều thứ như rau, thịt... (xem bảng) để chọn."},
    /* a time of day after an ellipsis starts a sentence, an amount does not */
    {"Trời bắt đầu mưa... 6 g sáng hôm sau, đoàn lên đường.",
     "Trời bắt đầu mưa... | 6 g sáng hôm sau, đoàn lên đường."},
    {"Giá chỉ còn... 6 triệu đồng.", "Giá chỉ còn... 6 triệu đồng."},
    /* a numbered item after an ellipsis starts a sentence, a range does not */
    {"Làng vẫn nghèo như xưa... 2 - Chỉ huy trưởng công trường kể lại.",
     "Làng vẫn nghèo như xưa... | 2 - Chỉ huy trưởng công trường kể lại."},
    {"Làng vẫn nghèo như xưa… 12 – Đường về làng", "Làng vẫn nghèo như xưa… | 12 – Đường về làng"},
    {"Giá chỉ từ... 10 - 20 nghìn đồng.", "Giá chỉ từ... 10 - 20 nghìn đồng."},
    {"Giá chỉ từ... 10 - giá sỉ", "Giá chỉ từ... 10 - giá sỉ"},
    /* a straight quote after a space before an ellipsis does not close the
     * sentence before it: the gold keeps `"...` apart */
    {"Anh hét lên: \"Đi ngay! \"... Mọi người im lặng.",
     "Anh hét lên: \"Đi ngay! | \"... | Mọi người im lặng."},
    /* a dash after a closing quote names the speaker, whatever the case
     * of the name */
    {"\"Nước lên nhanh lắm, ai cũng sợ...\" - Lan kể. Cả xóm thức trắng.",
     "\"Nước lên nhanh lắm, ai cũng sợ...\" - Lan kể. | Cả xóm thức trắng."},
    {"Bà hỏi: “Con về chưa?” - Tuấn đáp. Rồi cả hai cùng cười.",
     "Bà hỏi: “Con về chưa?” - Tuấn đáp. | Rồi cả hai cùng cười."},
    {"Mọi người đã về. - Còn anh thì sao?", "Mọi người đã về. | - Còn anh thì sao?"},
    /* inside a bracket still open, an abbreviation or initial does not end
     * a sentence, nor an ellipsis before a dash (an editor's note) */
    {"Xưởng mới đặt ở khu công nghiệp (P. Trường Thọ, Q. 9) từ tháng trước.",
     "Xưởng mới đặt ở khu công nghiệp (P. Trường Thọ, Q. 9) từ tháng trước."},
    {"Số liệu lấy từ sách (theo A. H. Smith, 2001). Các con số khác nhau.",
     "Số liệu lấy từ sách (theo A. H. Smith, 2001). | Các con số khác nhau."},
    {"Họ bị xử về các tội (giết người, cướp của…  - PV). Bản án đã có hiệu lực.",
     "Họ bị xử về các tội (giết người, cướp của…  - PV). | Bản án đã có hiệu lực."},
    {"Ông làm việc ở TP. Trường học gần nhà.", "Ông làm việc ở TP. | Trường học gần nhà."},
    /* "TP." (thành phố) as a noun at a sentence end, before a syllable in
     * title case and a word in lower case; not before a city's name */
    {"Ông đề nghị áp dụng cho toàn TP. Liên quan đến việc này, ông nói thêm.",
     "Ông đề nghị áp dụng cho toàn TP. | Liên quan đến việc này, ông nói thêm."},
    {"Áp dụng cho toàn Tp. Đồng thời, họ cũng làm vậy.",
     "Áp dụng cho toàn Tp. | Đồng thời, họ cũng làm vậy."},
    {"Ông ở TP. Đồng Hới lâu rồi.", "Ông ở TP. Đồng Hới lâu rồi."},
    {"Ông sống ở TP. Vinh từ lâu, ở TP. Huế được hai năm, ở TP. Hue\xcc\x82\xcc\x81 nữa.",
     "Ông sống ở TP. Vinh từ lâu, ở TP. Huế được hai năm, ở TP. Hue\xcc\x82\xcc\x81 nữa."},
    {"Ông đến TP. Pleiku hôm qua.", "Ông đến TP. Pleiku hôm qua."},
    {"Khu vực TP. A và khu B.", "Khu vực TP. A và khu B."},
    {"Ông ở (TP. Kiểm soát) lâu rồi.", "Ông ở (TP. Kiểm soát) lâu rồi."},
    /* in a list of the parts of a series (related articles), a title that
     * ends with an ellipsis goes on before the dash of the next one; a title
     * with a final mark ends, and so does an ellipsis in other lines */
    {"Tin liên quan:\n- Kỳ 4: Khi người A Rem rời hang đá... - Kỳ 3: Người Mã Liềng\nHết.",
     "Tin liên quan: | - Kỳ 4: Khi người A Rem rời hang đá... - Kỳ 3: Người Mã Liềng | Hết."},
    {"– Bài 2: Tiếng khóc trong đêm… – Hoa hậu thế giới", "– Bài 2: Tiếng khóc trong đêm… – Hoa hậu thế giới"},
    {"- kỳ 2: những điều tôi thấy... - kỳ 1: đường bay", "- kỳ 2: những điều tôi thấy... - kỳ 1: đường bay"},
    /* the list opens after a straight quote that closes the sentence before
     * (the fast pass keeps the chunks the rule reads) */
    {"Anh nói. \") - Kỳ 4: Khi người A Rem rời hang đá... - Kỳ 3: Người Mã Liềng",
     "Anh nói. \") | - Kỳ 4: Khi người A Rem rời hang đá... - Kỳ 3: Người Mã Liềng"},
    /* each line in its own case */
    {"tôi đi chợ. sau đó tôi về.\nHôm nay trời đẹp. Lan đi.",
     "tôi đi chợ. | sau đó tôi về. | Hôm nay trời đẹp. | Lan đi."},
    {"ÔNG ẤY LÀ TS. ÔNG ẤY GIỎI.\nXin chào. Tôi đi.", "ÔNG ẤY LÀ TS. ÔNG ẤY GIỎI. | Xin chào. | Tôi đi."},
    /* no list number: a price, a time, a score at a sentence start */
    {"Giá bao nhiêu? 1.500.000đ. Rẻ quá!", "Giá bao nhiêu? | 1.500.000đ. | Rẻ quá!"},
    {"Mấy giờ? 8h30. Muộn rồi. Tỷ số? 2-1. Thắng.", "Mấy giờ? | 8h30. | Muộn rồi. | Tỷ số? | 2-1. | Thắng."},
    {"Giá? 1.500. Rẻ.", "Giá? | 1.500. | Rẻ."},
    /* list labels: Roman numerals in any case, after a colon */
    {"II. NỘI DUNG\niii. kết luận", "II. NỘI DUNG | iii. kết luận"},
    {"Có 3 bước: 1. Mở máy. 2. Chạy.", "Có 3 bước: 1. Mở máy. | 2. Chạy."},
    /* titles in lower case and capitals; initials Đ. in capitals; units */
    {"ông là ths. nguyễn văn a.", "ông là ths. nguyễn văn a."},
    {"ÔNG LÀ THS. NGUYỄN VĂN A. ĐOAN TRANG - Đ.Đ. - Đ.H.",
     "ÔNG LÀ THS. NGUYỄN VĂN A. | ĐOAN TRANG - Đ.Đ. - Đ.H."},
    {"GIÁ 6.000 Đ. THƯỜNG THÌ RẺ.", "GIÁ 6.000 Đ. | THƯỜNG THÌ RẺ."},
    {"Ông là KTS. Lê Văn B và NSND. Hoa.", "Ông là KTS. Lê Văn B và NSND. Hoa."},
    /* an ellipsis that opens a sentence or a bracket */
    {"\"...Tôi không biết,\" anh nói. …Và hết.", "\"...Tôi không biết,\" anh nói. | …Và hết."},
    {"Binh sĩ Mỹ (...) Đây là một. Hết.", "Binh sĩ Mỹ (...) Đây là một. | Hết."},
    {") - 4: ) …Và", ") - 4: ) … | Và"},
    /* an initial inside a name; quotes typed onto the next sentence */
    {"Ông Nguyễn V. Nam đến. Ông Nguyễn Văn B. Theo đó thì sao.",
     "Ông Nguyễn V. Nam đến. | Ông Nguyễn Văn B. | Theo đó thì sao."},
    /* a given name as its initial ends the name: the next word starts */
    {"Bị can Nguyễn Văn T. Tòa tuyên phạt 5 năm. Lê Thị K. Sinh năm 1990.",
     "Bị can Nguyễn Văn T. | Tòa tuyên phạt 5 năm. | Lê Thị K. | Sinh năm 1990."},
    {"Ông Trần Nguyễn V. Nam đến. (bị can Nguyễn Văn T. Tòa xử) Rồi.",
     "Ông Trần Nguyễn V. Nam đến. | (bị can Nguyễn Văn T. Tòa xử) Rồi."},
    /* headings of questions, figures, steps; labels quoted or after a colon */
    {"Câu 1. Thủ đô là gì? Bảng 2. Kết quả\nBước 3. Lắp pin. Xem Hình 1. Kết quả tốt.",
     "Câu 1. Thủ đô là gì? | Bảng 2. Kết quả | Bước 3. Lắp pin. | Xem Hình 1. | Kết quả tốt."},
    {"Sửa như sau: “4. Chính phủ quy định.” Hết.\n“Điều 5. Giá đất\nQUYẾT ĐỊNH: Điều 1. Duyệt.",
     "Sửa như sau: “4. Chính phủ quy định.” | Hết. | “Điều 5. Giá đất | QUYẾT ĐỊNH: Điều 1. Duyệt."},
    /* a reference after the period; a brand that starts a sentence */
    {"Rõ rệt.[12] Tuy nhiên, khác.[1][2] Hết.", "Rõ rệt.[12] | Tuy nhiên, khác.[1][2] | Hết."},
    {"Ra mắt iPhone 15. iPhone 16 ra sau. Hết. oOo", "Ra mắt iPhone 15. | iPhone 16 ra sau. | Hết. oOo"},
    /* a place abbreviation after a street named for a person is no given
     * name; an A. inside a sentence opens no options */
    {"Cửa hàng ở 25 Nguyễn Trãi P. Bến Thành bán rẻ. Nhà ở Nguyễn Văn Cừ Q. Long Biên đẹp.",
     "Cửa hàng ở 25 Nguyễn Trãi P. Bến Thành bán rẻ. | Nhà ở Nguyễn Văn Cừ Q. Long Biên đẹp."},
    {"Đội A. thắng đội B. Trận đấu sôi nổi. Chọn: A. Hà Nội B. Huế",
     "Đội A. thắng đội B. | Trận đấu sôi nổi. | Chọn: A. Hà Nội B. Huế"},
    /* the options of a multiple-choice question stay on their line */
    {"Thủ đô là gì? A. Hà Nội B. Huế C. Đà Nẵng D. Cần Thơ\nÔng Nguyễn Văn A. Trần Văn B. Hôm nay.",
     "Thủ đô là gì? | A. Hà Nội B. Huế C. Đà Nẵng D. Cần Thơ | Ông Nguyễn Văn A. | Trần Văn B. | Hôm nay."},
    /* one letter after a slash is no initial: its period ends the sentence */
    {"Tối đa 80 KM/H. Xe tải 60 KM/H. Mua ở A/B. Xong.",
     "Tối đa 80 KM/H. | Xe tải 60 KM/H. | Mua ở A/B. | Xong."},
    /* an emoticon typed onto a word */
    {"Ngon quá:)) Lần sau lại đến. Buồn:(( Thôi.", "Ngon quá:)) | Lần sau lại đến. | Buồn:(( | Thôi."},
    /* signatures of official documents, titles, citations */
    {"TM. UBND TỈNH\nKT. BỘ TRƯỞNG", "TM. UBND TỈNH | KT. BỘ TRƯỞNG"},
    {"TM. Ban chấp hành\nTL. Giám đốc", "TM. Ban chấp hành | TL. Giám đốc"},
    {"Theo Nguyễn et al. (2020), HLV. Park nói ở TT. Sa Pa.",
     "Theo Nguyễn et al. (2020), HLV. Park nói ở TT. Sa Pa."},
    {"\"Đi đâu?\"\"Đi chợ.\" Anh đi.\"Về\" là gì?", "\"Đi đâu?\" | \"Đi chợ.\" | Anh đi. | \"Về\" là gì?"},
    {"- Kỳ 2: Vịnh Mốc - Cồn Cỏ: hành trình máu! - Kỳ 1: Những ngôi làng",
     "- Kỳ 2: Vịnh Mốc - Cồn Cỏ: hành trình máu! | - Kỳ 1: Những ngôi làng"},
    {"- Anh nghĩ sao về chuyện ấy... - Tôi rất ủng hộ.", "- Anh nghĩ sao về chuyện ấy... | - Tôi rất ủng hộ."},
    /* text in capitals is decided on its lower case, which is scanned apart
     * where the capitals are one token: no sentence ends inside one */
    {"M. MO.ĐI", "M. MO.ĐI"},
    {"TÔI ĐI.ANH VỀ. TỐT.", "TÔI ĐI.ANH VỀ. | TỐT."},
    /* KP. (khu phố) and tr. (trang) take a number, as Q. and P. do */
    {"Ông ở KP. 3, P. Linh Trung. Ông nói vậy.", "Ông ở KP. 3, P. Linh Trung. | Ông nói vậy."},
    {"Xem tr. 15. Chương sau nói về lịch sử.", "Xem tr. 15. | Chương sau nói về lịch sử."},
    /* a number written onto an abbreviation ("Q.3", quận 3) does not take
     * the period after it, which ends the sentence as after any word */
    {"Ông sống ở Q.3. Lợi nhuận tăng.", "Ông sống ở Q.3. | Lợi nhuận tăng."},
    {"Ông sống ở Q.3, P.12. Họ K.T. Nam đến.", "Ông sống ở Q.3, P.12. | Họ K.T. Nam đến."},
    {"ông sống ở q.3. lợi nhuận tăng.", "ông sống ở q.3. | lợi nhuận tăng."},
    /* a section label keeps its period: "I.1.", "A.1." */
    {"I.1. Mục tiêu chung", "I.1. Mục tiêu chung"},
    {"Mục A.1. Nội dung chính", "Mục A.1. Nội dung chính"},
    /* openers in NFD and in the traditional tone style ("Thủy" for the
     * table's "Thuỷ") are found as in NFC */
    {"Ông làm việc ở TP. Vo\xcc\x9b\xcc\x81i ông, việc này khó.",
     "Ông làm việc ở TP. | Vo\xcc\x9b\xcc\x81i ông, việc này khó."},
    {"Ông làm việc ở TP. Thủy nói vậy.", "Ông làm việc ở TP. | Thủy nói vậy."},
    /* a number after an abbreviation that takes one (Q., P.) is its own,
     * not a list number: the period after it decides */
    {"Việc xảy ra ở Q. 12. Người dân bức xúc.", "Việc xảy ra ở Q. 12. | Người dân bức xúc."},
    {"VIỆC XẢY RA Ở P. 5. NGƯỜI DÂN BỨC XÚC.", "VIỆC XẢY RA Ở P. 5. | NGƯỜI DÂN BỨC XÚC."},
    /* a heading word and its label open a sentence: "Điều 3." */
    {"Xong. Điều 3. Phạm vi điều chỉnh", "Xong. | Điều 3. Phạm vi điều chỉnh"},
    {"Theo Điều 3. Luật này quy định.", "Theo Điều 3. | Luật này quy định."},
    /* list numbers before an upper-case word after an initial open a
     * sentence */
    {"Muỗi truyền bệnh viêm não B. 3. 1. Một số bệnh mới",
     "Muỗi truyền bệnh viêm não B. | 3. 1. Một số bệnh mới"},
    {"Muỗi truyền bệnh viêm não B. 3 loại bệnh mới", "Muỗi truyền bệnh viêm não B. 3 loại bệnh mới"},
    /* a star bullet before an upper-case word after an abbreviation: the
     * next question of an interview; a dash between signatures goes on */
    {"Vốn lấy từ ngân sách của TP. * Thưa ông, vì sao vậy?",
     "Vốn lấy từ ngân sách của TP. | * Thưa ông, vì sao vậy?"},
    {"Vốn lấy từ ngân sách của TP. * số liệu cũ", "Vốn lấy từ ngân sách của TP. * số liệu cũ"},
    {"Bài viết đã xong. P.V. - T.H.", "Bài viết đã xong. | P.V. - T.H."},
    {"Ông làm việc ở [tài liệu (cũ)] TP. Trường học gần nhà.",
     "Ông làm việc ở [tài liệu (cũ)] TP. | Trường học gần nhà."},
    {"Mục 2) và 3) ở TP. Trường học gần nhà.", "Mục 2) và 3) ở TP. | Trường học gần nhà."},
    {"Ông ở (TP. Theo lời kể) rồi đi. Theo ông (Q. Ba) TP. Trường xa.",
     "Ông ở (TP. Theo lời kể) rồi đi. | Theo ông (Q. Ba) TP. | Trường xa."},
    {"Ông làm việc ở (một phòng của) TP. Trường học gần nhà.",
     "Ông làm việc ở (một phòng của) TP. | Trường học gần nhà."},
    /* after a final mark, a line of separators is apart */
    {"Anh nói: \"Hay quá!\" - ---------- -\nTin liên quan",
     "Anh nói: \"Hay quá!\" | - ---------- - | Tin liên quan"},
    {"Ông ở TP. * * *\nMười năm sau", "Ông ở TP. * * * | Mười năm sau"},
    {"Cả làng chờ mưa về... > >\nNắng kéo dài", "Cả làng chờ mưa về... | > > | Nắng kéo dài"},
    {"Cả làng chờ mưa về... >>\nNắng", "Cả làng chờ mưa về... | >> | Nắng"},
    {"Cả làng chờ... > > > mưa\nNắng", "Cả làng chờ... > > > mưa | Nắng"},
    {"Cả làng chờ... > mưa về", "Cả làng chờ... > mưa về"},
    {"Rồi họ đi mãi… * * *\r\nMười năm sau", "Rồi họ đi mãi… | * * * | Mười năm sau"},
    {"Hết kỳ này... - ---------- -\nTin liên quan", "Hết kỳ này... | - ---------- - | Tin liên quan"},
    {"Đợi mãi... • • • — = ~ # + _ <", "Đợi mãi... | • • • — = ~ # + _ <"},
    {"Đợi mãi... * * * vẫn chưa thấy\nAi", "Đợi mãi... * * * vẫn chưa thấy | Ai"},
    {"Đợi mãi... *** 3 ngày\nAi", "Đợi mãi... *** 3 ngày | Ai"},
    /* a lower-case word never starts a sentence */
    {"Anh đi. rồi về.", "Anh đi. rồi về."},
    {"Bao giờ? Mai.", "Bao giờ? | Mai."},
    /* a straight quote after a space closes the sentence before; what
     * follows it decides (found by the fuzz target: the fast pass kept too
     * few words after the quote) */
    {". \"\" * z -", ". \"\" | * z -"}, /* no capital: z may start one */
    /* a text without capitals (put in lower case): any word may start a
     * sentence; with one capital in it, the text is cased */
    {"tôi đi. anh ở lại.", "tôi đi. | anh ở lại."},
    {"anh hỏi: \"sao vậy?\" rồi bỏ đi.", "anh hỏi: \"sao vậy?\" | rồi bỏ đi."},
    {"giá 1.500 đồng ở tp. hcm. xong.", "giá 1.500 đồng ở tp. hcm. | xong."},
    {"ôi trời... thế là xong", "ôi trời... | thế là xong"},
    /* after an ellipsis, only a word that often starts a sentence starts one */
    {"trời mưa to... sau đó tôi về.", "trời mưa to... | sau đó tôi về."},
    {"bạo loạn, lật đổ... xảy ra ở nhiều nước.", "bạo loạn, lật đổ... xảy ra ở nhiều nước."},
    {"do vi rút, vi khuẩn… gây ra.", "do vi rút, vi khuẩn… gây ra."},
    {"mua (trứng, sữa...) của từng con.", "mua (trứng, sữa...) của từng con."},
    {"lật đổ... \"xảy ra\" ở đó.", "lật đổ... \"xảy ra\" ở đó."},
    {"trời mưa... \"sau đó tôi về\".", "trời mưa... | \"sau đó tôi về\"."},
    /* a text in capitals splits as its lower case does */
    {"TRỜI MƯA TO... SAU ĐÓ TÔI VỀ. BẠO LOẠN... XẢY RA Ở TP. HCM.",
     "TRỜI MƯA TO... | SAU ĐÓ TÔI VỀ. | BẠO LOẠN... XẢY RA Ở TP. HCM."},
    {"CẤP NƯỚC TP. HCM CHO BIẾT: \"SAO VẬY?\" RỒI ĐI.", "CẤP NƯỚC TP. HCM CHO BIẾT: \"SAO VẬY?\" | RỒI ĐI."},
    {"anh t. cười buồn. ông nguyễn văn a. tôi thấy.", "anh t. cười buồn. | ông nguyễn văn a. | tôi thấy."},
    {"Tôi đi. anh ở lại.", "Tôi đi. anh ở lại."},
    /* its abbreviations and initials read as in capitals */
    {"gs. nam đến. ông n. v. nam đi.", "gs. nam đến. | ông n. v. nam đi."},
    {"a. giới thiệu\nb. kết luận", "a. giới thiệu | b. kết luận"},
    {"tôi đi. Ông ở lại.", "tôi đi. | Ông ở lại."},
    /* a final mark typed without the space after it */
    {"Vì sao?Vì trời mưa.", "Vì sao? | Vì trời mưa."},
    {"Ông đi rồi!Tôi ở lại.", "Ông đi rồi! | Tôi ở lại."},
    {"Giá đã giảm.Thị trường ổn.", "Giá đã giảm. | Thị trường ổn."},
    {"Anh ay den roi.Chung toi di.", "Anh ay den roi. | Chung toi di."},
    {"ôi trời...Thế là xong", "ôi trời... | Thế là xong"},
    {"Anh nói: \"Đi!\"Rồi đi.", "Anh nói: \"Đi!\" | Rồi đi."},
    /* but not after initials, abbreviations, numbers or a non-syllable, nor
     * before one, nor inside brackets, nor before a lower-case word */
    {"Ở TP.HCM và Tp.Hồ Chí Minh, tp.Hồ Chí Minh.", "Ở TP.HCM và Tp.Hồ Chí Minh, tp.Hồ Chí Minh."},
    {"Đ.BÌNH và J.Fromaget viết.", "Đ.BÌNH và J.Fromaget viết."},
    {"Xem file.Txt và a.B nhé.", "Xem file.Txt và a.B nhé."},
    {"Giá tăng 5%.Thị trường giảm, năm 2020.Năm nay khác.",
     "Giá tăng 5%. | Thị trường giảm, năm 2020. | Năm nay khác."},
    {"Điều 5.Khoản 2 và Chương 12.Mở đầu.", "Điều 5.Khoản 2 và Chương 12.Mở đầu."},
    {"2020.Năm nay khác.", "2020.Năm nay khác."},
    {"1.Giới thiệu chung", "1.Giới thiệu chung"},
    {"Yahoo!Mail và v.v.Trong đó.", "Yahoo!Mail và v.v.Trong đó."},
    {"Cá đạt 100% (?!)Thật lạ.", "Cá đạt 100% (?!)Thật lạ."},
    {"Vì sao?vì trời mưa.", "Vì sao?vì trời mưa."},
    {"Xong. \"\" * z là thế.", "Xong. \"\" * z là thế."},
    {"Xong. \"\" * Rồi đi.", "Xong. \"\" | * Rồi đi."},
    {"Xong. '' - một lão nông nói.", "Xong. '' - một lão nông nói."},
    /* abbreviations outside news, known only as written; p after a number
     * is its unit */
    {"Ở St. Petersburg (Smith, 2019, p. 12). Vol. 12, No. 3. Xong.",
     "Ở St. Petersburg (Smith, 2019, p. 12). | Vol. 12, No. 3. | Xong."},
    {"cây chuyển gen. kết quả tốt. ăn no. tôi về.", "cây chuyển gen. | kết quả tốt. | ăn no. | tôi về."},
    {"Mình đợi 15 p. Bạn đến.", "Mình đợi 15 p. | Bạn đến."},
    /* an initial before a surname alone; not before a full name or a
     * surname that is also a word */
    {"Của T. Nguyễn được trích. Size M. Lê Thị Hoa đến. Quý I. Tăng trưởng.",
     "Của T. Nguyễn được trích. | Size M. | Lê Thị Hoa đến. | Quý I. | Tăng trưởng."},
    /* headings of two words, with the label right after them (the fast
     * pass keeps fewer tokens), in sentences of every length */
    {"Định nghĩa 2.1. Một câu. Ví dụ 3 . Xong .", "Định nghĩa 2.1. Một câu. | Ví dụ 3 . Xong ."},
    {"Ví dụ giá tăng 3 . Sau đó giá giảm .", "Ví dụ giá tăng 3 . | Sau đó giá giảm ."},
    {"Ví dụ 1 . A", "Ví dụ 1 . A"},
    {"Ví dụ a 1 . A", "Ví dụ a 1 . | A"},
    {"Phụ lục A. Danh sách. Định nghĩa 2. 1. Một.", "Phụ lục A. Danh sách. | Định nghĩa 2. 1. Một."},
    /* a letter that labels the noun before it */
    {"Ở bảng D. Indonesia thắng. Ông J. Smith đến.", "Ở bảng D. | Indonesia thắng. | Ông J. Smith đến."},
    {"Trưởng phòng J. Smith đến. Nhóm J. R. R. Tolkien.", "Trưởng phòng J. Smith đến. | Nhóm J. R. R. Tolkien."},
    {"bảng D. Indonesia", "bảng D. Indonesia"},
    /* a capital after a glued hyphen is no initial */
    {"Cổng USB-C. Samsung cũng vậy. Cáp Type-C.Giá rẻ.",
     "Cổng USB-C. | Samsung cũng vậy. | Cáp Type-C. | Giá rẻ."},
};

static void test_cases(void)
{
    char buf[1024];
    for (size_t k = 0; k < sizeof CASES / sizeof CASES[0]; k++) {
        const char *got = split(CASES[k].text, strlen(CASES[k].text), buf, sizeof buf);
        CHECK_STR(got, strlen(got), CASES[k].want);
    }
}

static void test_token_kinds(void)
{
    static const struct {
        const char *text;
        int kind;
    } K[] = {
        {"1.500", VNT_TOK_NUMBER}, {"8h30", VNT_TOK_NUMBER}, {"20-11-2003", VNT_TOK_NUMBER},
        {"TP.HCM", VNT_TOK_ABBREV}, {"v.v.", VNT_TOK_ABBREV}, {"TP.", VNT_TOK_ABBREV},
        {"N.", VNT_TOK_ABBREV}, {"vnexpress.net", VNT_TOK_DOMAIN},
        {"https://a.vn/x", VNT_TOK_URL}, {"a.b@c.vn", VNT_TOK_EMAIL},
        {"@ten", VNT_TOK_MENTION}, {"#chủ_đề", VNT_TOK_HASHTAG}, {"Việt", VNT_TOK_WORD},
        {"…", VNT_TOK_PUNCT}, {"...", VNT_TOK_PUNCT}, {"%", VNT_TOK_SYMBOL},
        {"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", VNT_TOK_EMOJI}, {"\r\n\r\n", VNT_TOK_NEWLINE},
        {":)", VNT_TOK_EMOJI}, {":)))", VNT_TOK_EMOJI}, {"=((", VNT_TOK_EMOJI},
        {":-D", VNT_TOK_EMOJI}, {":'(", VNT_TOK_EMOJI}, {";)", VNT_TOK_EMOJI},
        {":v", VNT_TOK_EMOJI}, {":3", VNT_TOK_EMOJI}, {"^_^", VNT_TOK_EMOJI},
        {"^^", VNT_TOK_EMOJI}, {"<3", VNT_TOK_EMOJI}, {"-_-", VNT_TOK_EMOJI},
    };
    vnt_tokens t;
    vnt_tokens_init(&t);
    for (size_t k = 0; k < sizeof K / sizeof K[0]; k++) {
        size_t n = strlen(K[k].text);
        CHECK(vnt_scan(K[k].text, n, &t) == VNT_OK);
        CHECK(t.len == 1);
        if (t.len == 1) {
            CHECK(t.items[0].kind == K[k].kind);
            CHECK(t.items[0].start == 0 && t.items[0].end == n);
        } else {
            fprintf(stderr, "  %s: %zu tokens\n", K[k].text, t.len);
        }
    }
    /* a word never crosses sentence punctuation; U+0000 is a symbol */
    CHECK(vnt_scan("đi.Sau", 7, &t) == VNT_OK && t.len == 3);
    /* an emoticon follows white space and comes before white space, a
     * final mark, a comma, an emoji or the end: not in "nói:D", "8:30",
     * ":(1)", ":Dạ", "^_" */
    static const char *const NOT_FACES[] = {"nói:D", "8:30", ":(1)", ":Dạ", "^_", ":-", "<4",
                                            "quá:)", "8:))", "a;))", "a^^", "x:)(", "(:))"};
    for (size_t k = 0; k < sizeof NOT_FACES / sizeof NOT_FACES[0]; k++) {
        CHECK(vnt_scan(NOT_FACES[k], strlen(NOT_FACES[k]), &t) == VNT_OK);
        for (size_t j = 0; j < t.len; j++)
            CHECK(t.items[j].kind != VNT_TOK_EMOJI);
    }
    CHECK(vnt_scan(":)).", 4, &t) == VNT_OK && t.len == 2 && t.items[0].kind == VNT_TOK_EMOJI &&
          t.items[0].end == 3);
    /* typed onto a word, a laugh or a cry of two brackets or more */
    CHECK(vnt_scan("qu\xC3\xA1:)) ", 8, &t) == VNT_OK && t.len == 2 &&
          t.items[1].kind == VNT_TOK_EMOJI && t.items[1].start == 4 && t.items[1].end == 7);
    CHECK(vnt_scan("haha=((", 7, &t) == VNT_OK && t.len == 2 && t.items[1].kind == VNT_TOK_EMOJI);
    CHECK(vnt_scan("a :D\xF0\x9F\x98\x80", 8, &t) == VNT_OK && t.len == 3 &&
          t.items[1].kind == VNT_TOK_EMOJI && t.items[2].kind == VNT_TOK_EMOJI);
    CHECK(vnt_scan("a\0b", 3, &t) == VNT_OK && t.len == 3 && t.items[1].kind == VNT_TOK_SYMBOL);
    CHECK(vnt_token_kind_name(VNT_TOK_WORD) != NULL && vnt_token_kind_name(0) == NULL);
    vnt_tokens_free(&t);
}

static void test_errors(void)
{
    vnt_tokens t;
    vnt_spans sp;
    vnt_tokens_init(&t);
    vnt_spans_init(&sp);
    CHECK(vnt_sentences("a\xC3", 2, &t, &sp) == VNT_ERR_INVALID_UTF8 && sp.len == 0);
    CHECK(vnt_sentences("ab c\xE1\xBB", 6, &t, &sp) == VNT_ERR_INVALID_UTF8);
    CHECK(vnt_sentences("\xED\xA0\x80.", 4, &t, &sp) == VNT_ERR_INVALID_UTF8);
    CHECK(vnt_scan("x \xFF", 3, &t) == VNT_ERR_INVALID_UTF8 && t.len == 0);
    CHECK(vnt_sentences(NULL, 1, &t, &sp) == VNT_ERR_INVALID_ARG);
    CHECK(vnt_sentences("a", 1, NULL, &sp) == VNT_ERR_INVALID_ARG);
    CHECK(vnt_sentences(NULL, 0, &t, &sp) == VNT_OK && sp.len == 0);
    vnt_tokens_free(&t);
    vnt_spans_free(&sp);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Time of vnt_sentences and vnt_scan on a text of n copies of unit. */
static double time_on(const char *unit, size_t n, size_t *nsent)
{
    size_t ul = strlen(unit);
    char *s = malloc(ul * n);
    if (s == NULL)
        return -1;
    for (size_t k = 0; k < n; k++)
        memcpy(s + k * ul, unit, ul);
    vnt_tokens t;
    vnt_spans sp;
    vnt_tokens_init(&t);
    vnt_spans_init(&sp);
    double t0 = seconds();
    vnt_status st = vnt_sentences(s, ul * n, &t, &sp);
    vnt_status st2 = vnt_scan(s, ul * n, &t);
    double dt = seconds() - t0;
    CHECK(st == VNT_OK && st2 == VNT_OK);
    *nsent = sp.len;
    vnt_tokens_free(&t);
    vnt_spans_free(&sp);
    free(s);
    return dt;
}

/* time_on for the text "x", n times ws, "y", then n times unit: a long run
 * of white space after the first word of a sentence, which the rules for
 * headings of two words read from the sentence's start. */
static double time_on_after_run(const char *ws, const char *unit, size_t n, size_t *nsent)
{
    size_t wl = strlen(ws), ul = strlen(unit), len = 2 + n * (wl + ul);
    char *s = malloc(len);
    if (s == NULL)
        return -1;
    s[0] = 'x';
    for (size_t k = 0; k < n; k++)
        memcpy(s + 1 + k * wl, ws, wl);
    s[1 + n * wl] = 'y';
    for (size_t k = 0; k < n; k++)
        memcpy(s + 2 + n * wl + k * ul, unit, ul);
    vnt_tokens t;
    vnt_spans sp;
    vnt_tokens_init(&t);
    vnt_spans_init(&sp);
    double t0 = seconds();
    vnt_status st = vnt_sentences(s, len, &t, &sp);
    double dt = seconds() - t0;
    CHECK(st == VNT_OK);
    *nsent = sp.len;
    vnt_tokens_free(&t);
    vnt_spans_free(&sp);
    free(s);
    return dt;
}

/* The sparse path against the full scan on random texts built from pieces
 * that the fast pass judges 16, 32 or 64 bytes at a time: letters of each
 * UTF-8 length (E1 B8..BB and other E1 leads), × and ÷ after C3, stray and
 * missing continuation bytes, stops, white space. Pieces straddle the
 * blocks at every offset. A fixed-seed LCG keeps it reproducible. */
static void test_random_agreement(void)
{
    static const char *const pieces[] = {
        "a", "Tp", " ", "  ", ".", "?", "!", "\n", "\r\n", "1", "\"", "“", "”", "…",
        "ạ", "ễ", "ḁ", "ỹ", "ü", "ư", "Đ", "×", "÷", "\xcc\x81", "\xe1\x84\x80",
        "\xe1\xbc\x80", "\xc2\xa0",
        "\xe2\x80\xa8", "vnexpress.net", "v.v.", "TP.", "A. ", "x@y.vn",
        /* what the rules read after a mark: quotes, bullets, capitals */
        "'", "*", " * ", "-", "\xe2\x80\x93", "(", ")", "z", "3.", "V\xc3\x95", "\xc3\x94ng",
        /* invalid UTF-8 from here on */
        "\x80", "\xbf", "\xe1", "\xe1\xba", "\xc3", "\xc3\x41",
    };
    const size_t nvalid = sizeof pieces / sizeof pieces[0] - 6;
    char text[400], out[4096];
    /* every piece at every offset around the 16-byte blocks, before the
     * end of the text and before a few endings */
    static const char *const ends[] = {"", "\t", "\t\x19", "x", ".", "ạ", "\n"};
    for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++)
        for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++)
            for (size_t off = 0; off < 72; off++) {
                memset(text, 'a', off);
                size_t pl = strlen(pieces[k]), el = strlen(ends[e]);
                memcpy(text + off, pieces[k], pl);
                memcpy(text + off + pl, ends[e], el);
                size_t len = off + pl + el;
                split(text, len, out, sizeof out);
                vnt_tokens toks;
                vnt_tokens_init(&toks);
                int scan_ok = vnt_scan(text, len, &toks) == VNT_OK;
                vnt_tokens_free(&toks);
                CHECK(scan_ok == (strcmp(out, "<error>") != 0));
            }
    uint64_t seed = 0x9E3779B97F4A7C15u;
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        size_t want = 1 + (size_t)(seed >> 33) % 180;
        while (len < want) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            /* one round in eight may hold invalid UTF-8 */
            size_t np = round % 8 ? nvalid : sizeof pieces / sizeof pieces[0];
            const char *p = pieces[(seed >> 33) % np];
            size_t pl = strlen(p);
            if (len + pl >= sizeof text)
                break;
            memcpy(text + len, p, pl);
            len += pl;
        }
        split(text, len, out, sizeof out); /* checks the agreement */
        vnt_tokens toks;
        vnt_tokens_init(&toks);
        int scan_ok = vnt_scan(text, len, &toks) == VNT_OK;
        vnt_tokens_free(&toks);
        CHECK(scan_ok == (strcmp(out, "<error>") != 0) || len == 0);
        if (round % 8)
            CHECK(scan_ok);
    }
}

/* The items of a list written in one line end before the next label in
 * the fast pass as in the full scan, however many tokens the fast pass
 * leaves out between two labels (found by the fuzz target: a window
 * counted in tokens read farther back in the fast pass). */
static void test_inline_labels_agree(void)
{
    char text[600], out[4096];
    for (size_t gap = 0; gap < 300; gap += 7) {
        size_t len = 0;
        memcpy(text + len, "0.i", 3);
        len += 3;
        for (size_t k = 0; k < gap; k++)
            text[len++] = k % 3 ? '\0' : ' ';
        static const char tail[] = "\x01\x04u 0 T ủ đ_ u 1. Tốt 2. Xong";
        memcpy(text + len, tail, sizeof tail - 1);
        len += sizeof tail - 1;
        split(text, len, out, sizeof out); /* checks the agreement */
    }
    CHECK(strcmp(split("Nhận xét: 1. Giao nhanh 2. Đóng gói đẹp 3. Giá rẻ",
                       strlen("Nhận xét: 1. Giao nhanh 2. Đóng gói đẹp 3. Giá rẻ"), out,
                       sizeof out),
                 "Nhận xét: 1. Giao nhanh | 2. Đóng gói đẹp | 3. Giá rẻ") == 0);
}

/* Linear time: ten times the input takes about ten times as long (a
 * quadratic pass would take a hundred); sanitizers slow both alike. */
static void test_linear(void)
{
    static const char *const units[] = {".", "A. ", "Ab. ", "x.", "a@", "1.", "\"", "…", "TP.", " ",
                                        "(TP. Theo ", "x... - ", "… * ", "x... --",
                                        "A. y B. Huế ", "Lê Thị H. Sinh ", "quá:)) ", "“4. "};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        /* the best of three runs each, so that another process on the
         * machine does not make a linear pass look quadratic */
        size_t n1, n2;
        double small = 1e9, big = 1e9;
        for (int r = 0; r < 3; r++) {
            double t1 = time_on(units[k], 100000, &n1), t2 = time_on(units[k], 1000000, &n2);
            small = t1 < small ? t1 : small;
            big = t2 < big ? t2 : big;
        }
        if (big > 0.05 && big > 30 * small)
            fprintf(stderr, "  unit \"%s\": %.3fs for 1e5, %.3fs for 1e6\n", units[k], small, big);
        CHECK(big <= 0.05 || big <= 30 * small);
    }
    /* a run of spaces or no-break spaces after the first word, then
     * initials or labels, each of which reads the sentence's first words
     * (found by a review: 8.5 s for 320 KB before the run was bounded) */
    static const char *const runs[][2] = {{" ", " b K. c"}, {"\xc2\xa0", " b K. c"},
                                          {"\xc2\xa0", " 1. c"}, {"\t", " b K. c"}};
    for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
        size_t n1, n2;
        double small = 1e9, big = 1e9;
        for (int r = 0; r < 3; r++) {
            double t1 = time_on_after_run(runs[k][0], runs[k][1], 10000, &n1);
            double t2 = time_on_after_run(runs[k][0], runs[k][1], 100000, &n2);
            small = t1 < small ? t1 : small;
            big = t2 < big ? t2 : big;
        }
        if (big > 0.05 && big > 30 * small)
            fprintf(stderr, "  run \"%s\" unit \"%s\": %.3fs for 1e4, %.3fs for 1e5\n",
                    runs[k][0], runs[k][1], small, big);
        CHECK(big <= 0.05 || big <= 30 * small);
    }
    size_t n;
    time_on(".", 1000000, &n);
    CHECK(n == 1); /* a million periods are one sentence */
    time_on("Ab. ", 1000000, &n);
    CHECK(n == 1000000); /* a million short sentences */
    time_on("(TP. Theo ", 1000000, &n);
    CHECK(n == 1); /* inside an open bracket: one sentence */
}

/* vnt__text_char_case, which reads the case of a text from the bytes of
 * its common letters, says of every code point what vnt__letter_case and
 * vnt__space_kind say (1 upper, 2 lower, 4 a line break), with its length;
 * a sequence cut short or not UTF-8 is no letter, one byte long. */
static void test_text_char_case(void)
{
    unsigned long wrong = 0;
    unsigned char b[8] = {0};
    for (int32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        size_t n = vnt__utf8_encode(cp, (char *)b), k = 0;
        int lc = vnt__letter_case(cp);
        int want = lc == 1 || lc == 2 ? lc : lc == 0 && vnt__space_kind(cp) == 2 ? 4 : 0;
        wrong += vnt__text_char_case(b, n, 0, &k) != want || k != n;
        for (size_t cut = 1; cut < n; cut++) /* the same bytes, cut short */
            wrong += vnt__text_char_case(b, cut, 0, &k) != 0 || k != 1;
    }
    CHECK(wrong == 0);
    static const char *const bad[] = {"\xc3\x41", "\xe1\xba\x41", "\xc4", "\xe2\x80", "\xff"};
    for (size_t j = 0; j < sizeof bad / sizeof bad[0]; j++) {
        size_t k = 0;
        CHECK(vnt__text_char_case((const unsigned char *)bad[j], strlen(bad[j]), 0, &k) == 0 &&
              k == 1);
    }
}

/* text_case passes over 16 bytes at a time where no capital (or, in a
 * text in capitals, no lower-case letter) can start: the same result as
 * one character at a time, for a letter of the other case of every kind
 * at every offset of a text in one case (and a line break, for the first
 * line's case), and for every code point inside such a text. */
static void test_text_case_blocks(void)
{
    /* the same byte lengths, so that the blocks start alike (at 17) */
    static const char *const texts[] = {"trước đây ông ấy ở nhà ơ ư ĩ ũ ạ ỹ ß ÿ é̂ 1, 2. ",
                                        "TRƯỚC ĐÂY ÔNG ẤY Ở NHÀ Ơ Ư Ĩ Ũ Ạ Ỹ À Þ É̂ 1, 2. "};
    static const char *const odd[] = {
        "A", "Z", "a", "z", "À", "Ý", "Þ", "ß", "à", "ÿ", "×", "÷", "µ", "Ă", "ă", "Đ", "đ", "Ĩ",
        "ĩ", "Ũ", "ũ", "Ơ", "ơ", "Ư", "ư", "Ā", "ı", "Ạ", "ạ", "Ỹ", "ỹ", "Ỿ", "ỿ", "Ẁ", "ẞ", "ẟ",
        "Α", "α", "Ω", "Ж", "ж", "Ａ", "ａ", "ℂ", "Ⓐ", "ǅ", "\n", "\r", "\xc2\x85", "\xe2\x80\xa8",
        "\xe2\x80\xa9", ":D", "xD", ";P", ":p", "\xc3", "\xe1\xba", "\xff", "\xcd\xb0",
        "\xe2\x84\xa6"};
    char text[512];
    unsigned long wrong = 0;
    for (size_t c = 0; c < 2; c++) {
        const char *base = texts[c];
        const size_t ll = strlen(base);
        for (size_t o = 0; o < sizeof odd / sizeof odd[0]; o++) {
            size_t ol = strlen(odd[o]);
            for (size_t at = 0; at + ol <= 3 * ll && at < 200; at++) {
                size_t n = 0;
                for (; n < at; n++)
                    text[n] = base[n % ll];
                memcpy(text + n, odd[o], ol);
                n += ol;
                for (size_t r = 0; r < 60; r++, n++)
                    text[n] = base[(at + r) % ll];
                for (int to_lf = 0; to_lf < 2; to_lf++)
                    for (size_t len = at; len <= n; len += 7)
                        wrong += vnt__text_case(text, len, to_lf) !=
                                 vnt__text_case_slow(text, len, to_lf);
            }
        }
        unsigned char b[8] = {0};
        for (int32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF)
                continue;
            size_t k = vnt__utf8_encode(cp, (char *)b);
            /* after the first block read one character at a time (to byte
             * 17 of these texts), the blocks start at 17, 33...: the
             * character at an offset that varies with it, and at the last
             * three lanes of a block, where its other bytes lie past the 16 */
            const size_t ats[] = {(size_t)cp % 23, 17 + 13, 17 + 14, 17 + 15};
            for (size_t q = 0; q < sizeof ats / sizeof ats[0]; q++) {
                size_t at = ats[q];
                memcpy(text, base, 60);
                memcpy(text + at, b, k);
                memcpy(text + at + k, base, 40);
                for (int to_lf = 0; to_lf < 2; to_lf++)
                    wrong += vnt__text_case(text, at + k + 40, to_lf) !=
                             vnt__text_case_slow(text, at + k + 40, to_lf);
            }
        }
    }
    CHECK(wrong == 0);
}

int main(void)
{
    test_text_char_case();
    test_text_case_blocks();
    test_cases();
    test_token_kinds();
    test_errors();
    test_random_agreement();
    test_inline_labels_agree();
    test_linear();
    return CHECK_DONE();
}
