package dev.nodepulse.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of our jars as a command line: the flags its --help lists, and whether it accepts a given argument list.
 * The jars parse and validate every flag before they act on --help (an unknown flag or a bad value exits 2 even
 * with --help), so `ARGS --help` is a dry run of ARGS; {@code assertAccepts} checks that with a flag that cannot
 * exist as a control.
 */
final class JarCli {

    /** A flag from --help: its name, whether it is a [no-] boolean, its default ("" when none is shown). */
    record FlagInfo(String name, boolean bool, String defaultValue) {}

    record Run(int exitCode, String output) {}

    private final Path java;
    private final List<String> jvmOptions;
    private final Path jar;

    JarCli(Path java, List<String> jvmOptions, Path jar) {
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.jar = jar;
    }

    static JarCli of(Path jar) {
        return new JarCli(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(), jar);
    }

    Path jar() {
        return jar;
    }

    Run run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        return exec(cmd, Map.of());
    }

    static Run exec(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jarcli", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("did not finish in 90 s: " + String.join(" ", cmd));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The flags --help lists, by name. */
    Map<String, FlagInfo> flags() throws IOException, InterruptedException {
        Run help = run(List.of("--help"));
        if (help.exitCode() != 0) {
            throw new AssertionError(jar + " --help exited " + help.exitCode() + ":\n" + help.output());
        }
        return parseHelp(help.output());
    }

    static Map<String, FlagInfo> parseHelp(String help) {
        Map<String, FlagInfo> flags = new LinkedHashMap<>();
        String[] lines = help.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("--")) {
                continue;
            }
            boolean bool = line.startsWith("--[no-]");
            String name = bool ? line.substring("--[no-]".length()) : line.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                name = name.substring(0, eq);
            }
            int space = name.indexOf(' ');
            if (space >= 0) {
                name = name.substring(0, space);
            }
            String def = "";
            if (i + 1 < lines.length) {
                String desc = lines[i + 1].strip();
                if (desc.endsWith(" (repeatable)")) {
                    desc = desc.substring(0, desc.length() - " (repeatable)".length());
                }
                int at = desc.lastIndexOf("(default: ");
                if (at >= 0 && desc.endsWith(")")) {
                    def = desc.substring(at + "(default: ".length(), desc.length() - 1);
                }
            }
            flags.put(name, new FlagInfo(name, bool, def));
        }
        return flags;
    }

    /** Fails unless the jar accepts {@code args}: names known, values valid. */
    void assertAccepts(String where, List<String> args) throws IOException, InterruptedException {
        List<String> dry = new ArrayList<>(args);
        dry.add("--help");
        Run r = run(dry);
        if (r.exitCode() != 0) {
            throw new AssertionError(where + ": " + jar.getFileName() + " rejects its arguments " + args + " (exit "
                    + r.exitCode() + "):\n" + r.output().lines().filter(l -> l.contains("error")).toList());
        }
        List<String> control = new ArrayList<>(args);
        control.add("--no-such-flag.nodepulse-deploy-test");
        control.add("--help");
        Run c = run(control);
        if (c.exitCode() != 2) {
            throw new AssertionError(jar.getFileName() + " exited " + c.exitCode() + " for an unknown flag with --help:"
                    + " the dry run cannot be trusted\n" + c.output());
        }
    }
}
