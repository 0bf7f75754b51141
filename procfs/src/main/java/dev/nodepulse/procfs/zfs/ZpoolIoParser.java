package dev.nodepulse.procfs.zfs;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/spl/kstat/zfs/&lt;pool&gt;/io: a kstat id line, a header of at least 12 column names starting with
 * {@code nread}, and a line of unsigned values under them. A file without that header yields no counters
 * (node_exporter publishes nothing for it); a value line shorter than the header is an error.
 */
public final class ZpoolIoParser {

    private ZpoolIoParser() {}

    public static ZpoolIo parse(String text, String source) throws ParseException {
        List<ZpoolIo.Counter> out = new ArrayList<>();
        String[] header = null;
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = Lines.fields(lines.get(i));
            if (header == null) {
                if (f.length >= 12 && f[0].equals("nread")) {
                    header = f;
                }
                continue;
            }
            if (f.length < header.length) {
                throw ParseException.badLine(source, i + 1, lines.get(i),
                        header.length + " values expected, found " + f.length);
            }
            for (int c = 0; c < header.length; c++) {
                out.add(new ZpoolIo.Counter(header[c], Numbers.parseUnsigned(f[c], source + " " + header[c])));
            }
        }
        return new ZpoolIo(List.copyOf(out));
    }
}
