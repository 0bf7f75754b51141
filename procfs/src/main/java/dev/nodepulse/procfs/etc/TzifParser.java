package dev.nodepulse.procfs.etc;

import dev.nodepulse.procfs.ParseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * tzfile(5): the "TZif" header, then the version 1 data block (32-bit times); for version 2 and later a
 * second header and block with 64-bit times, then the newline-framed POSIX TZ footer. Only what a zone
 * lookup needs is kept: transitions, their types, the types, the footer.
 */
public final class TzifParser {

    private TzifParser() {}

    public static Tzif parse(byte[] data, String source) throws ParseException {
        try {
            ByteBuffer b = ByteBuffer.wrap(data);
            int version = header(b, source);
            int[] counts = counts(b);
            if (version >= 2) {
                // Skip the 32-bit block; the 64-bit one after it has the same content at full range.
                skip(b, counts, 4, 4);
                if (header(b, source) < 2) {
                    throw new ParseException(source + ": second header has version 1");
                }
                counts = counts(b);
                return block(b, counts, 8, true, source);
            }
            return block(b, counts, 4, false, source);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new ParseException(source + ": truncated or malformed TZif data");
        }
    }

    private static int header(ByteBuffer b, String source) throws ParseException {
        if (b.remaining() < 44 || b.get() != 'T' || b.get() != 'Z' || b.get() != 'i' || b.get() != 'f') {
            throw new ParseException(source + ": not a TZif file");
        }
        byte v = b.get();
        b.position(b.position() + 15);
        // Go's time package knows versions 1 to 3 and refuses others.
        return switch (v) {
            case 0 -> 1;
            case '2' -> 2;
            case '3' -> 3;
            default -> throw new ParseException(source + ": unsupported TZif version");
        };
    }

    /** isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt. */
    private static int[] counts(ByteBuffer b) {
        int[] c = new int[6];
        for (int i = 0; i < 6; i++) {
            c[i] = b.getInt();
            if (c[i] < 0) {
                throw new IllegalArgumentException("negative count");
            }
        }
        return c;
    }

    private static void skip(ByteBuffer b, int[] c, int timeSize, int leapTimeSize) {
        long n = (long) c[3] * timeSize + c[3] + c[4] * 6L + c[5] + (long) c[2] * (leapTimeSize + 4) + c[1] + c[0];
        b.position(Math.addExact(b.position(), Math.toIntExact(n)));
    }

    private static Tzif block(ByteBuffer b, int[] c, int timeSize, boolean footer, String source)
            throws ParseException {
        int timecnt = c[3];
        int typecnt = c[4];
        int charcnt = c[5];
        if (typecnt == 0) {
            throw new ParseException(source + ": no local time types");
        }
        long[] transitions = new long[timecnt];
        for (int i = 0; i < timecnt; i++) {
            transitions[i] = timeSize == 8 ? b.getLong() : b.getInt();
        }
        int[] indices = new int[timecnt];
        for (int i = 0; i < timecnt; i++) {
            indices[i] = b.get() & 0xff;
            if (indices[i] >= typecnt) {
                throw new ParseException(source + ": transition type out of range");
            }
        }
        int[] offsets = new int[typecnt];
        boolean[] dst = new boolean[typecnt];
        int[] abbrIndex = new int[typecnt];
        for (int i = 0; i < typecnt; i++) {
            offsets[i] = b.getInt();
            int isdst = b.get() & 0xff;
            if (isdst > 1) {
                throw new ParseException(source + ": bad isdst flag");
            }
            dst[i] = isdst == 1;
            abbrIndex[i] = b.get() & 0xff;
        }
        byte[] chars = new byte[charcnt];
        b.get(chars);
        List<Tzif.Type> types = new ArrayList<>(typecnt);
        for (int i = 0; i < typecnt; i++) {
            if (abbrIndex[i] >= charcnt) {
                throw new ParseException(source + ": abbreviation index out of range");
            }
            int end = abbrIndex[i];
            while (end < charcnt && chars[end] != 0) {
                end++;
            }
            types.add(new Tzif.Type(offsets[i], dst[i],
                    new String(chars, abbrIndex[i], end - abbrIndex[i], StandardCharsets.UTF_8)));
        }
        String tail = "";
        if (footer) {
            b.position(b.position() + (int) ((long) c[2] * (timeSize + 4)) + c[1] + c[0]);
            byte[] rest = new byte[b.remaining()];
            b.get(rest);
            if (rest.length > 2 && rest[0] == '\n' && rest[rest.length - 1] == '\n') {
                tail = new String(rest, 1, rest.length - 2, StandardCharsets.UTF_8);
            }
        }
        return new Tzif(transitions, indices, List.copyOf(types), tail);
    }
}
