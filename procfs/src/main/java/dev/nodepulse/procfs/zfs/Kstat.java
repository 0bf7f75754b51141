package dev.nodepulse.procfs.zfs;

import java.util.List;

/**
 * One named kstat table of OpenZFS' SPL (/proc/spl/kstat/zfs/arcstats, .../&lt;pool&gt;/objset-0x36, ...):
 * the rows after the {@code name type data} header, in file order.
 */
public record Kstat(List<Row> rows) {

    /** kstat data types of lib/libspl/include/sys/kstat.h that carry numbers node_exporter reads. */
    public static final int INT64 = 3;
    public static final int UINT64 = 4;
    public static final int STRING = 7;

    /**
     * One row. {@code value} holds the number of INT64 and UINT64 rows (u64 converted like Prometheus
     * would) and NaN otherwise; {@code text} is the data column as printed, running to the end of the line
     * so that values with spaces in them (dataset names) stay whole.
     */
    public record Row(String name, int type, double value, String text) {

        public boolean isNumeric() {
            return type == INT64 || type == UINT64;
        }
    }

    /** The text of the first row of that name, or null. */
    public String text(String name) {
        for (Row r : rows) {
            if (r.name().equals(name)) {
                return r.text();
            }
        }
        return null;
    }
}
