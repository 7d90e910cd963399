package io.hallway.agenda;

/**
 * RFC 5545 3.1 line folding: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break", a
 * continuation line starts with one space, and a fold never splits a multi-octet UTF-8 sequence. biweekly (vinnie)
 * folds at 75 characters, so a title with umlauts or CJK text gave lines of up to three times that; we write
 * unfolded and fold here by the octets of the UTF-8 the calendar is sent in.
 */
final class ContentLines {

    static final int MAX_OCTETS = 75;

    private static final String CRLF = "\r\n";

    private ContentLines() {
    }

    /** The content lines of an unfolded iCalendar text (CRLF between lines), each folded to at most 75 octets. */
    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 16);
        int octets = 0;
        int i = 0;
        while (i < unfolded.length()) {
            if (unfolded.startsWith(CRLF, i)) {
                folded.append(CRLF);
                octets = 0;
                i += CRLF.length();
                continue;
            }
            int codePoint = unfolded.codePointAt(i);
            int size = utf8Octets(codePoint);
            if (octets + size > MAX_OCTETS) {
                folded.append(CRLF).append(' ');
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    /** A lone surrogate counts as 3, more than the 1 octet ('?') it is encoded as, so the line stays short. */
    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
