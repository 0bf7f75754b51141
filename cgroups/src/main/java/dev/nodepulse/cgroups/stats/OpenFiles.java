package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the per-scrape cgroup files open and re-reads them with pread at offset 0. Opening a cgroupfs file costs
 * far more than reading it (ANCHORS.md 1.5: 6-8 µs open+read+close against 1-1.5 µs pread of a kept fd), and a
 * walk reads ~13 files per cgroup. The kernel regenerates a seq_file on a read at offset 0, so a kept fd always
 * shows current values; after its cgroup is removed the read fails and the fd is dropped. Files a cgroup does
 * not have are remembered too, so optional files cost nothing per walk. At most {@code maxOpen} fds are kept;
 * beyond that files are opened per read.
 */
public final class OpenFiles implements AutoCloseable {

    private static final FileChannel MISSING = null;
    private static final int BUFFER = 64 * 1024;
    private static final ThreadLocal<ByteBuffer> BUF = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));
    private static final ThreadLocal<byte[]> BYTES = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    /** An entry: an open channel, or none for a file known to be absent. */
    private record Entry(String owner, FileChannel channel) {}

    /** By cgroup id, then by file name. */
    private final Map<String, Map<String, Entry>> entries = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final int maxOpen;

    public OpenFiles(int maxOpen) {
        this.maxOpen = Math.max(0, maxOpen);
    }

    public int openCount() {
        return open.get();
    }

    /**
     * The file's content; null when it does not exist (remembered for next time). {@code owner} is the cgroup id
     * the file belongs to, for {@link #retain}.
     */
    public String read(String owner, Path dir, String name) throws IOException {
        Map<String, Entry> byName = entries.computeIfAbsent(owner, k -> new ConcurrentHashMap<>());
        Entry e = byName.get(name);
        if (e != null) {
            if (e.channel() == MISSING) {
                return null;
            }
            try {
                return pread(e.channel(), name);
            } catch (IOException gone) {
                // The cgroup this fd was opened on is gone; one with the same path may exist now (a static pod
                // restarted): open afresh once.
                drop(byName, name, e);
            }
        }
        Path file = dir.resolve(name);
        if (open.get() >= maxOpen) {
            try {
                return SmallFiles.read(file);
            } catch (NoSuchFileException absent) {
                return null;
            }
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file);
        } catch (NoSuchFileException absent) {
            byName.put(name, new Entry(owner, MISSING));
            return null;
        }
        open.incrementAndGet();
        Entry mine = new Entry(owner, ch);
        Entry prev = byName.putIfAbsent(name, mine);
        if (prev != null) {
            ch.close();
            open.decrementAndGet();
            return read(owner, dir, name);
        }
        try {
            return pread(ch, name);
        } catch (IOException gone) {
            drop(byName, name, mine);
            throw new NoSuchFileException(file.toString());
        }
    }

    private static String pread(FileChannel ch, String name) throws IOException {
        ByteBuffer buf = BUF.get();
        buf.clear();
        boolean oneRead = !isMultiRecord(name);
        long pos = 0;
        int n;
        while ((n = ch.read(buf, pos)) > 0) {
            pos += n;
            if (!buf.hasRemaining()) {
                // Larger than the buffer (a root cgroup.procs on a busy host): read it whole the ordinary way.
                return new String(readAll(ch), StandardCharsets.UTF_8);
            }
            if (oneRead) {
                break;
            }
        }
        buf.flip();
        byte[] bytes = BYTES.get();
        int len = buf.remaining();
        buf.get(bytes, 0, len);
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether a read may return part of the file before its end. Every cgroup control file except the PID lists is
     * one seq_file record, which the kernel renders whole (growing its buffer until it fits) and a read hands over
     * whole when the reader's buffer is larger: a short read is the end, and the read that would return 0 (a second
     * syscall for every file) is skipped. cgroup.procs and tasks are one record per PID and come in pieces of about
     * a page. Regular files (fixture trees) end at a short read too.
     */
    static boolean isMultiRecord(String name) {
        return name.equals("cgroup.procs") || name.equals("tasks") || name.equals("cgroup.threads");
    }

    private static byte[] readAll(FileChannel ch) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(BUFFER * 2);
        ByteBuffer b = ByteBuffer.allocate(BUFFER);
        long pos = 0;
        int n;
        while ((n = ch.read(b, pos)) > 0) {
            out.write(b.array(), 0, n);
            pos += n;
            b.clear();
        }
        return out.toByteArray();
    }

    private void drop(Map<String, Entry> byName, String name, Entry e) {
        if (e != null && byName.remove(name, e) && e.channel() != MISSING) {
            open.decrementAndGet();
            try {
                e.channel().close();
            } catch (IOException ignored) {
                // closing a dead cgroup file
            }
        }
    }

    /** Closes the files of cgroups not in {@code live}. */
    public void retain(Set<String> live) {
        for (Iterator<Map.Entry<String, Map<String, Entry>>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Map<String, Entry>> me = it.next();
            if (!live.contains(me.getKey())) {
                it.remove();
                for (Map.Entry<String, Entry> f : me.getValue().entrySet()) {
                    drop(me.getValue(), f.getKey(), f.getValue());
                }
            }
        }
    }

    @Override
    public void close() {
        retain(Set.of());
    }
}
