package dev.nodepulse.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root Dockerfile read as instructions (continuation lines joined, heredoc bodies kept), enough to check
 * what can be checked without a Docker engine: which files each COPY takes, the heredoc launchers, the jlink
 * module list, the JDK the image is built on.
 */
final class DockerfileModel {

    /** One instruction, in the stage it belongs to; heredoc is the body of a {@code <<'EOF'} or null. */
    record Instruction(String keyword, String args, String heredoc, Stage stage) {}

    /** A build stage: FROM image, AS name, and the WORKDIR in force at the end of the stage. */
    static final class Stage {
        final String image;
        final String name;
        String workdir = "/";

        Stage(String image, String name) {
            this.image = image;
            this.name = name;
        }
    }

    /** A COPY: --from stage (null for the build context), sources, destination, heredoc body if any. */
    record Copy(String from, List<String> sources, String destination, String heredoc, Stage stage) {}

    private static final Pattern HEREDOC = Pattern.compile("<<-?'?\"?([A-Za-z_]+)'?\"?");

    final List<Instruction> instructions = new ArrayList<>();
    final Map<String, String> args = new LinkedHashMap<>();
    final List<Stage> stages = new ArrayList<>();

    static DockerfileModel read(Path file) throws IOException {
        DockerfileModel m = new DockerfileModel();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Stage stage = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            StringBuilder logical = new StringBuilder(line.strip());
            while (logical.toString().endsWith("\\") && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                String next = lines.get(++i);
                if (!next.stripLeading().startsWith("#")) {
                    logical.append(' ').append(next.strip());
                }
            }
            String text = logical.toString().replaceAll("\\s+", " ").strip();
            int sp = text.indexOf(' ');
            String keyword = (sp < 0 ? text : text.substring(0, sp)).toUpperCase(java.util.Locale.ROOT);
            String rest = sp < 0 ? "" : text.substring(sp + 1);
            String heredoc = null;
            Matcher h = HEREDOC.matcher(rest);
            if (h.find()) {
                String end = h.group(1);
                StringBuilder body = new StringBuilder();
                while (++i < lines.size() && !lines.get(i).equals(end)) {
                    body.append(lines.get(i)).append('\n');
                }
                heredoc = body.toString();
                rest = rest.substring(0, h.start()) + rest.substring(h.end());
                rest = rest.replaceAll("\\s+", " ").strip();
            }
            switch (keyword) {
                case "ARG" -> {
                    int eq = rest.indexOf('=');
                    if (eq > 0) {
                        m.args.put(rest.substring(0, eq), rest.substring(eq + 1));
                    }
                }
                case "FROM" -> {
                    String[] w = rest.split(" ");
                    String name = w.length >= 3 && w[1].equalsIgnoreCase("AS") ? w[2] : null;
                    stage = new Stage(m.expand(w[0]), name);
                    m.stages.add(stage);
                }
                case "WORKDIR" -> stage.workdir = rest.startsWith("/") ? rest : stage.workdir + "/" + rest;
                default -> { }
            }
            m.instructions.add(new Instruction(keyword, rest, heredoc, stage));
        }
        return m;
    }

    private String expand(String s) {
        Matcher v = Pattern.compile("\\$\\{([A-Za-z_]+)}").matcher(s);
        StringBuilder out = new StringBuilder();
        while (v.find()) {
            v.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(v.group(1), "")));
        }
        v.appendTail(out);
        return out.toString();
    }

    List<Copy> copies() {
        List<Copy> out = new ArrayList<>();
        for (Instruction in : instructions) {
            if (!in.keyword().equals("COPY")) {
                continue;
            }
            List<String> words = new ArrayList<>(Arrays.asList(in.args().split(" ")));
            String from = null;
            while (!words.isEmpty() && words.get(0).startsWith("--")) {
                String opt = words.remove(0);
                if (opt.startsWith("--from=")) {
                    from = opt.substring("--from=".length());
                }
            }
            String dest = words.remove(words.size() - 1);
            out.add(new Copy(from, List.copyOf(words), dest, in.heredoc(), in.stage()));
        }
        return out;
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> name.equals(s.name)).findFirst()
                .orElseThrow(() -> new AssertionError("Dockerfile has no stage " + name));
    }

    /** The heredoc written to {@code destination}, e.g. /opt/nodepulse/bin/nodepulse-agent. */
    String heredocAt(String destination) {
        return copies().stream().filter(c -> c.heredoc() != null && c.destination().equals(destination)).findFirst()
                .orElseThrow(() -> new AssertionError("Dockerfile writes no heredoc to " + destination)).heredoc();
    }

    /** The value of jlink's --add-modules. */
    List<String> jlinkModules() {
        for (Instruction in : instructions) {
            Matcher mm = Pattern.compile("jlink .*--add-modules[ =]([A-Za-z0-9_.,]+)").matcher(in.args());
            if (in.keyword().equals("RUN") && mm.find()) {
                return List.of(mm.group(1).split(","));
            }
        }
        throw new AssertionError("Dockerfile runs no jlink --add-modules");
    }

    /** The JDK feature release the image's Java comes from (the jlink stage's base image tag). */
    int jdkRelease() {
        for (Stage s : stages) {
            Matcher mm = Pattern.compile("(?:temurin|openjdk|jdk)[:-](\\d+)").matcher(s.image);
            if (mm.find()) {
                return Integer.parseInt(mm.group(1));
            }
        }
        throw new AssertionError("cannot tell the JDK release from the Dockerfile's stages");
    }

    List<String> entrypoint() {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            Instruction in = instructions.get(i);
            if (in.keyword().equals("ENTRYPOINT")) {
                return jsonArray(in.args());
            }
        }
        throw new AssertionError("Dockerfile has no ENTRYPOINT");
    }

    String user() {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).keyword().equals("USER")) {
                return instructions.get(i).args();
            }
        }
        return "";
    }

    static List<String> jsonArray(String text) {
        String t = text.strip();
        if (!t.startsWith("[") || !t.endsWith("]")) {
            throw new AssertionError("not an exec-form array: " + text);
        }
        List<String> out = new ArrayList<>();
        Matcher q = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(t);
        while (q.find()) {
            out.add(q.group(1));
        }
        return out;
    }
}
