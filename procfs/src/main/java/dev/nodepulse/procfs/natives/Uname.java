package dev.nodepulse.procfs.natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** uname(2): six NUL-terminated 65-byte fields (struct utsname on Linux). */
public final class Uname {

    private static final int FIELD = 65;

    public record Result(String sysname, String nodename, String release, String version, String machine,
                         String domainname) {}

    private Uname() {}

    public static Result uname() throws IOException {
        try (Memory buf = new Memory(FIELD * 6L)) {
            buf.clear();
            if (LibC.Holder.INSTANCE.uname(buf) != 0) {
                throw new IOException("uname: " + Errno.describe(Native.getLastError()));
            }
            return new Result(field(buf, 0), field(buf, 1), field(buf, 2), field(buf, 3), field(buf, 4),
                    field(buf, 5));
        }
    }

    private static String field(Memory buf, int index) {
        byte[] bytes = buf.getByteArray((long) index * FIELD, FIELD);
        int len = 0;
        while (len < FIELD && bytes[len] != 0) {
            len++;
        }
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }
}
