package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /proc/cpuinfo. Each architecture prints its own layout, so the format is chosen by the architecture the
 * agent runs on, as node_exporter's procfs library chooses it at build time. Lines are "key<TAB>: value";
 * only the text after the first ": " is the value, and lines without ":" are ignored.
 */
public final class CpuinfoParser {

    private static final String SRC = "/proc/cpuinfo";
    private static final Pattern CLOCK = Pattern.compile("([\\d.]+)");
    private static final Pattern S390X_PROCESSOR = Pattern.compile("^processor\\s+(\\d+):.*");

    /** The cpuinfo layouts the kernel prints, one per architecture family. */
    public enum Format {
        X86, ARM, S390X, PPC, MIPS, LOONG64, RISCV, UNSUPPORTED;

        /** The layout of the architecture named by Java's {@code os.arch}. */
        public static Format forArch(String osArch) {
            String a = osArch.toLowerCase(Locale.ROOT);
            if (a.equals("amd64") || a.equals("x86_64") || a.equals("x86") || a.matches("i[3-6]86")) {
                return X86;
            }
            if (a.equals("aarch64") || a.startsWith("arm")) {
                return ARM;
            }
            if (a.equals("s390x")) {
                return S390X;
            }
            if (a.startsWith("ppc64")) {
                return PPC;
            }
            if (a.startsWith("mips")) {
                return MIPS;
            }
            if (a.startsWith("loongarch")) {
                return LOONG64;
            }
            if (a.startsWith("riscv")) {
                return RISCV;
            }
            return UNSUPPORTED;
        }

        public static Format current() {
            return forArch(System.getProperty("os.arch", ""));
        }
    }

    private CpuinfoParser() {}

    public static List<CpuInfo> parse(String text, Format format) throws ParseException {
        Input in = new Input(text);
        List<Cpu> cpus = switch (format) {
            case X86 -> x86(in);
            case ARM -> arm(in);
            case S390X -> s390x(in);
            case PPC -> ppc(in);
            case MIPS -> mips(in, "cpu model", null);
            case LOONG64 -> mips(in, "Model Name", "CPU Family");
            case RISCV -> riscv(in);
            case UNSUPPORTED -> throw new ParseException(SRC + ": not implemented for this architecture");
        };
        List<CpuInfo> out = new ArrayList<>(cpus.size());
        for (Cpu c : cpus) {
            out.add(c.build());
        }
        return out;
    }

    private static List<Cpu> x86(Input in) throws ParseException {
        List<Cpu> cpus = new ArrayList<>();
        Cpu cur = firstProcessor(in, cpus);
        for (String line = in.next(); line != null; line = in.next()) {
            String[] kv = split(line);
            if (kv == null) {
                continue;
            }
            String v = kv[1];
            switch (kv[0]) {
                case "processor" -> {
                    cur = new Cpu();
                    cpus.add(cur);
                    cur.processor = in.uint(v, line);
                }
                case "vendor", "vendor_id" -> cur.vendorId = v;
                case "cpu family" -> cur.cpuFamily = v;
                case "model" -> cur.model = v;
                case "model name" -> cur.modelName = v;
                case "stepping" -> cur.stepping = v;
                case "microcode" -> cur.microcode = v;
                case "cpu MHz" -> cur.cpuMHz = in.decimal(v, line);
                case "cache size" -> cur.cacheSize = v;
                case "physical id" -> cur.physicalId = v;
                case "siblings" -> cur.siblings = in.uint(v, line);
                case "core id" -> cur.coreId = v;
                case "cpu cores" -> cur.cpuCores = in.uint(v, line);
                case "apicid" -> cur.apicId = v;
                case "initial apicid" -> cur.initialApicId = v;
                case "fpu" -> cur.fpu = v;
                case "fpu_exception" -> cur.fpuException = v;
                case "cpuid level" -> cur.cpuidLevel = in.uint(v, line);
                case "wp" -> cur.wp = v;
                case "flags" -> cur.flags = List.of(Lines.fields(v));
                case "bugs" -> cur.bugs = List.of(Lines.fields(v));
                case "bogomips" -> cur.bogoMips = in.decimal(v, line);
                case "clflush size" -> cur.clflushSize = in.uint(v, line);
                case "cache_alignment" -> cur.cacheAlignment = in.uint(v, line);
                case "address sizes" -> cur.addressSizes = v;
                case "power management" -> cur.powerManagement = v;
                default -> {
                    // TLB size, microcode revisions of other vendors, ...: nothing node_exporter reads.
                }
            }
        }
        return cpus;
    }

    /**
     * arm and arm64. Old 32-bit kernels start with "Processor : <model>" shared by every CPU; newer ones list
     * "processor : N" blocks. The feature list is printed per CPU but is the same everywhere: the last one
     * read applies to all CPUs.
     */
    private static List<Cpu> arm(Input in) throws ParseException {
        String first = in.firstNonEmpty();
        if (!(first.startsWith("processor") || first.startsWith("Processor")) || !first.contains(":")) {
            throw in.bad(first, "expected the first line to be \"processor : N\" or \"Processor : <model>\"");
        }
        List<Cpu> cpus = new ArrayList<>();
        Cpu common = new Cpu();
        Cpu cur = null;
        String firstKey = first.split(": ", 2)[0].strip();
        if (firstKey.equals("Processor")) {
            common.modelName = value(in, first);
        } else {
            cur = new Cpu();
            cur.processor = in.uint(value(in, first), first);
            cpus.add(cur);
        }
        List<String> features = null;
        for (String line = in.next(); line != null; line = in.next()) {
            String[] kv = split(line);
            if (kv == null) {
                continue;
            }
            switch (kv[0]) {
                case "processor" -> {
                    cur = common.copy();
                    cpus.add(cur);
                    cur.processor = in.uint(kv[1], line);
                }
                case "BogoMIPS" -> {
                    if (cur == null) {
                        // legacy layout with a single CPU: its block has no "processor" line
                        cur = common.copy();
                        cpus.add(cur);
                        cur.processor = 0;
                    }
                    cur.bogoMips = in.decimal(kv[1], line);
                }
                case "Features" -> features = List.of(Lines.fields(kv[1]));
                case "model name" -> {
                    if (cur == null) {
                        throw in.bad(line, "\"model name\" before any processor");
                    }
                    cur.modelName = kv[1];
                }
                default -> {
                    // CPU implementer/part/revision, Hardware, Revision, Serial
                }
            }
        }
        if (features != null) {
            for (Cpu c : cpus) {
                c.flags = features;
            }
        }
        return cpus;
    }

    /**
     * s390x: a machine-wide head (vendor, features, one "processor N: ..." line per CPU), then, after the
     * first "cpu number" line, one block per CPU with its clock and topology.
     */
    private static List<Cpu> s390x(Input in) throws ParseException {
        String first = in.firstNonEmpty();
        if (!first.startsWith("vendor_id") || !first.contains(":")) {
            throw in.bad(first, "expected the first line to be \"vendor_id : ...\"");
        }
        Cpu common = new Cpu();
        common.vendorId = value(in, first);
        List<Cpu> cpus = new ArrayList<>();
        for (String line = in.next(); line != null; line = in.next()) {
            if (!line.contains(":")) {
                continue;
            }
            String[] kv = split(line);
            if (kv != null) {
                switch (kv[0]) {
                    case "bogomips per cpu" -> common.bogoMips = in.decimal(kv[1], line);
                    case "features" -> common.flags = List.of(Lines.fields(kv[1]));
                    default -> { }
                }
            }
            if (line.startsWith("processor")) {
                Matcher m = S390X_PROCESSOR.matcher(line);
                if (!m.matches()) {
                    throw in.bad(line, "expected \"processor N: ...\"");
                }
                Cpu c = common.copy();
                c.processor = in.uint(m.group(1), line);
                cpus.add(c);
            }
            if (line.startsWith("cpu number")) {
                break;
            }
        }
        int i = 0;
        for (String line = in.next(); line != null; line = in.next()) {
            String[] kv = split(line);
            if (kv == null) {
                continue;
            }
            switch (kv[0]) {
                case "cpu number" -> i++;
                case "cpu MHz dynamic" -> at(in, cpus, i, line).cpuMHz = clock(in, kv[1], line);
                case "physical id" -> at(in, cpus, i, line).physicalId = kv[1];
                case "core id" -> at(in, cpus, i, line).coreId = kv[1];
                case "cpu cores" -> at(in, cpus, i, line).cpuCores = in.uint(kv[1], line);
                case "siblings" -> at(in, cpus, i, line).siblings = in.uint(kv[1], line);
                default -> { }
            }
        }
        return cpus;
    }

    private static List<Cpu> ppc(Input in) throws ParseException {
        List<Cpu> cpus = new ArrayList<>();
        Cpu cur = firstProcessor(in, cpus);
        for (String line = in.next(); line != null; line = in.next()) {
            String[] kv = split(line);
            if (kv == null) {
                continue;
            }
            switch (kv[0]) {
                case "processor" -> {
                    cur = new Cpu();
                    cpus.add(cur);
                    cur.processor = in.uint(kv[1], line);
                }
                case "cpu" -> cur.vendorId = kv[1];
                case "clock" -> cur.cpuMHz = clock(in, kv[1], line);
                default -> { }
            }
        }
        return cpus;
    }

    /** mips and loongarch: a "system type" head, then "processor : N" blocks numbered from 0. */
    private static List<Cpu> mips(Input in, String modelKey, String familyKey) throws ParseException {
        String first = in.firstNonEmpty();
        if (!first.startsWith("system type") || !first.contains(":")) {
            throw in.bad(first, "expected the first line to be \"system type : ...\"");
        }
        String systemType = value(in, first);
        List<Cpu> cpus = new ArrayList<>();
        int i = 0;
        for (String line = in.next(); line != null; line = in.next()) {
            String[] kv = split(line);
            if (kv == null) {
                continue;
            }
            if (kv[0].equals("processor")) {
                long v = in.uint(kv[1], line);
                cpus.add(new Cpu());
                i = (int) v;
                Cpu c = at(in, cpus, i, line);
                c.processor = v;
                c.vendorId = systemType;
            } else if (kv[0].equals(modelKey)) {
                at(in, cpus, i, line).modelName = kv[1];
            } else if (familyKey != null && kv[0].equals(familyKey)) {
                at(in, cpus, i, line).cpuFamily = kv[1];
            } else if (familyKey == null && kv[0].equals("BogoMIPS")) {
                at(in, cpus, i, line).bogoMips = in.decimal(kv[1], line);
            }
        }
        return cpus;
    }

    private static List<Cpu> riscv(Input in) throws ParseException {
        List<Cpu> cpus = new ArrayList<>();
        Cpu firstCpu = firstProcessor(in, cpus);
        int i = 0;
        for (String line = in.next(); line != null; line = in.next()) {
            String[] kv = split(line);
            if (kv == null) {
                continue;
            }
            switch (kv[0]) {
                case "processor" -> {
                    long v = in.uint(kv[1], line);
                    i = (int) v;
                    cpus.add(new Cpu());
                    at(in, cpus, i, line).processor = v;
                }
                case "hart" -> at(in, cpus, i, line).coreId = kv[1];
                case "isa" -> at(in, cpus, i, line).modelName = kv[1];
                default -> { }
            }
        }
        return cpus;
    }

    /** "key<blanks>: value" as {trimmed key, value}; null for lines without ": " (their key keeps the colon). */
    /** The "processor : N" line that must open the file in this layout, as the first CPU of {@code cpus}. */
    private static Cpu firstProcessor(Input in, List<Cpu> cpus) throws ParseException {
        String first = in.firstNonEmpty();
        if (!first.startsWith("processor") || !first.contains(":")) {
            throw in.bad(first, "expected the first line to be \"processor : N\"");
        }
        Cpu cpu = new Cpu();
        cpu.processor = in.uint(value(in, first), first);
        cpus.add(cpu);
        return cpu;
    }

    private static String[] split(String line) {
        int colon = line.indexOf(": ");
        if (colon < 0) {
            return null;
        }
        return new String[] {line.substring(0, colon).strip(), line.substring(colon + 2)};
    }

    private static String value(Input in, String line) throws ParseException {
        int colon = line.indexOf(": ");
        if (colon < 0) {
            throw in.bad(line, "no \": \" separator");
        }
        return line.substring(colon + 2);
    }

    private static double clock(Input in, String v, String line) throws ParseException {
        Matcher m = CLOCK.matcher(v.strip());
        return in.decimal(m.find() ? m.group() : "", line);
    }

    private static Cpu at(Input in, List<Cpu> cpus, int i, String line) throws ParseException {
        if (i < 0 || i >= cpus.size()) {
            throw in.bad(line, "refers to CPU " + i + " but only " + cpus.size() + " were listed");
        }
        return cpus.get(i);
    }

    /** The file's lines with a cursor, so errors can name the line number. */
    private static final class Input {
        private final List<String> lines;
        private int pos;

        Input(String text) {
            lines = Lines.of(text);
        }

        String next() {
            if (pos >= lines.size()) {
                return null;
            }
            String l = lines.get(pos++);
            return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
        }

        String firstNonEmpty() {
            for (String l = next(); l != null; l = next()) {
                if (!l.isBlank()) {
                    return l;
                }
            }
            return "";
        }

        long uint(String v, String line) throws ParseException {
            try {
                return GoStrconv.parseUint(v, 0, 32);
            } catch (NumberFormatException e) {
                throw bad(line, e.getMessage());
            }
        }

        double decimal(String v, String line) throws ParseException {
            try {
                return GoStrconv.parseFloat(v);
            } catch (NumberFormatException e) {
                throw bad(line, e.getMessage());
            }
        }

        ParseException bad(String line, String why) {
            return ParseException.badLine(SRC, pos, line, why);
        }
    }

    /** A CPU being read; copied for layouts that share fields between CPUs. */
    private static final class Cpu {
        long processor;
        String vendorId = "";
        String cpuFamily = "";
        String model = "";
        String modelName = "";
        String stepping = "";
        String microcode = "";
        double cpuMHz;
        String cacheSize = "";
        String physicalId = "";
        long siblings;
        String coreId = "";
        long cpuCores;
        String apicId = "";
        String initialApicId = "";
        String fpu = "";
        String fpuException = "";
        long cpuidLevel;
        String wp = "";
        List<String> flags = List.of();
        List<String> bugs = List.of();
        double bogoMips;
        long clflushSize;
        long cacheAlignment;
        String addressSizes = "";
        String powerManagement = "";

        Cpu copy() {
            Cpu c = new Cpu();
            c.processor = processor;
            c.vendorId = vendorId;
            c.cpuFamily = cpuFamily;
            c.model = model;
            c.modelName = modelName;
            c.stepping = stepping;
            c.microcode = microcode;
            c.cpuMHz = cpuMHz;
            c.cacheSize = cacheSize;
            c.physicalId = physicalId;
            c.siblings = siblings;
            c.coreId = coreId;
            c.cpuCores = cpuCores;
            c.apicId = apicId;
            c.initialApicId = initialApicId;
            c.fpu = fpu;
            c.fpuException = fpuException;
            c.cpuidLevel = cpuidLevel;
            c.wp = wp;
            c.flags = flags;
            c.bugs = bugs;
            c.bogoMips = bogoMips;
            c.clflushSize = clflushSize;
            c.cacheAlignment = cacheAlignment;
            c.addressSizes = addressSizes;
            c.powerManagement = powerManagement;
            return c;
        }

        CpuInfo build() {
            return new CpuInfo(processor, vendorId, cpuFamily, model, modelName, stepping, microcode, cpuMHz,
                    cacheSize, physicalId, siblings, coreId, cpuCores, apicId, initialApicId, fpu, fpuException,
                    cpuidLevel, wp, flags, bugs, bogoMips, clflushSize, cacheAlignment, addressSizes,
                    powerManagement);
        }
    }
}
