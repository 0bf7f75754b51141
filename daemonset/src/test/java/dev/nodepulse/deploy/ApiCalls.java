package dev.nodepulse.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes API calls our code in a jar makes, read from its class files: every reference from a
 * dev/nodepulse class to a generated client-java API method ({@code CoreV1Api.listNode},
 * {@code AuthenticationV1Api.createTokenReview}, ...) becomes the RBAC verb, group and resource it needs. A
 * {@code .watch(...)} on a request builder adds the watch verb. References to client-java facilities this class
 * cannot map (the generic API, raw calls) are reported as unmapped, so the RBAC test fails rather than guesses.
 */
final class ApiCalls {

    /**
     * One call: where from, which API method (or path), and what RBAC must allow for it; namespace and name are
     * null when the call is cluster-wide or the code does not fix them.
     */
    record Call(String caller, String api, String method, String verb, String group, String resource, String namespace,
            String name) {

        Call(String caller, String api, String method, String verb, String group, String resource) {
            this(caller, api, method, verb, group, resource, null, null);
        }

        @Override
        public String toString() {
            return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource
                    + (namespace == null ? "" : " in " + namespace) + (name == null ? "" : " name=" + name)
                    + " (" + api + "." + method + " from " + caller + ")";
        }
    }

    record Scan(Set<Call> calls, Set<String> unmapped) {}

    private static final String APIS = "io/kubernetes/client/openapi/apis/";

    /** Group of each generated API class our code may use. */
    private static final Map<String, String> GROUPS = Map.of(
            "CoreV1Api", "",
            "AuthenticationV1Api", "authentication.k8s.io",
            "AuthorizationV1Api", "authorization.k8s.io",
            "AppsV1Api", "apps",
            "CoordinationV1Api", "coordination.k8s.io",
            "DiscoveryV1Api", "discovery.k8s.io");

    private static final Pattern METHOD = Pattern.compile(
            "(create|read|list|replace|patch|delete|deleteCollection)(Namespaced)?([A-Z][A-Za-z]*?)(ForAllNamespaces)?(Status)?");

    /** client-java classes whose use means API calls this scanner cannot attribute. */
    private static final Set<String> UNMAPPABLE = Set.of(
            "io/kubernetes/client/util/generic/GenericKubernetesApi",
            "io/kubernetes/client/util/generic/dynamic/DynamicKubernetesApi",
            "io/kubernetes/client/openapi/ApiClient.buildCall",
            "io/kubernetes/client/openapi/ApiClient.execute");

    private ApiCalls() {}

    /** Our classes in the jar and in the jars it carries nested (the agent's Kubernetes client, META-INF/kube-lib/). */
    static Scan scan(Path jar) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = jf.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith("dev/nodepulse/") && e.getName().endsWith(".class")) {
                    try (InputStream in = jf.getInputStream(e)) {
                        classes.put(e.getName(), in.readAllBytes());
                    }
                } else if (e.getName().startsWith("META-INF/") && e.getName().endsWith(".jar")) {
                    try (java.util.jar.JarInputStream nested = new java.util.jar.JarInputStream(jf.getInputStream(e))) {
                        for (JarEntry n; (n = nested.getNextJarEntry()) != null; ) {
                            if (n.getName().startsWith("dev/nodepulse/") && n.getName().endsWith(".class")) {
                                classes.put(n.getName(), nested.readAllBytes());
                            }
                        }
                    }
                }
            }
        }
        return scan(classes);
    }

    /** The calls made by these class files (entry name such as dev/nodepulse/x/Y.class, bytes). */
    static Scan scan(Map<String, byte[]> classes) throws IOException {
        Set<Call> calls = new TreeSet<>(java.util.Comparator.comparing(Call::toString));
        Set<String> unmapped = new TreeSet<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            String caller = e.getKey().substring(0, e.getKey().length() - ".class".length()).replace('/', '.');
            ClassConstants.Pool pool = ClassConstants.read(e.getValue());
            for (ClassConstants.MethodRef ref : pool.methodRefs()) {
                classify(caller, ref, calls, unmapped);
            }
            for (String s : pool.strings()) {
                classifyPath(caller, s, calls, unmapped);
            }
        }
        return new Scan(calls, unmapped);
    }

    private static void classify(String caller, ClassConstants.MethodRef ref, Set<Call> calls, Set<String> unmapped) {
        String owner = ref.owner();
        if (UNMAPPABLE.contains(owner) || UNMAPPABLE.contains(owner + "." + ref.name())) {
            unmapped.add(owner + "." + ref.name() + " from " + caller);
            return;
        }
        if (!owner.startsWith(APIS)) {
            return;
        }
        String simple = owner.substring(APIS.length());
        int dollar = simple.indexOf('$');
        if (dollar >= 0) {
            // request builder: CoreV1Api$APIlistNodeRequest.watch(Boolean) turns the list into a watch
            String api = simple.substring(0, dollar);
            String builder = simple.substring(dollar + 1);
            if (ref.name().equals("watch") && builder.startsWith("API") && builder.endsWith("Request")) {
                Call list = map(caller, api, builder.substring(3, builder.length() - "Request".length()), unmapped);
                if (list != null) {
                    calls.add(new Call(caller, api, list.method() + ".watch", "watch", list.group(), list.resource()));
                }
            }
            return;
        }
        if (ref.name().equals("<init>") || ref.name().startsWith("get") || ref.name().startsWith("set")) {
            return; // constructors and the ApiClient accessors
        }
        Call c = map(caller, simple, ref.name(), unmapped);
        if (c != null) {
            calls.add(c);
        }
    }

    /** API groups our own servers serve (the aggregator's metrics.k8s.io): paths there are routes, not calls. */
    private static final Set<String> SERVED_GROUPS = Set.of("metrics.k8s.io");

    /** Resources whose only verb is create (the review APIs). */
    private static final Set<String> CREATE_ONLY = Set.of("tokenreviews", "subjectaccessreviews",
            "selfsubjectaccessreviews", "localsubjectaccessreviews", "selfsubjectrulesreviews");

    private static final Pattern API_PATH = Pattern.compile("^/(api/v1|apis/([a-z0-9.-]+)/v[0-9a-z]+)(/.*)?$");

    /**
     * A string literal that is a Kubernetes API path (code that builds requests from paths, as the aggregator's
     * informers do): /api/v1/nodes is list and watch of nodes, .../configmaps/NAME a get of NAME, a review
     * resource a create. A literal that ends where a name must be appended cannot be attributed: unmapped.
     */
    private static void classifyPath(String caller, String s, Set<Call> calls, Set<String> unmapped) {
        Matcher m = API_PATH.matcher(s);
        if (!m.matches()) {
            return;
        }
        String group = m.group(2) == null ? "" : m.group(2);
        if (SERVED_GROUPS.contains(group)) {
            return;
        }
        String rest = m.group(3) == null ? "" : m.group(3);
        if (rest.isEmpty() || rest.equals("/")) {
            return; // discovery of a group version
        }
        if (rest.endsWith("/")) {
            unmapped.add("path prefix \"" + s + "\" from " + caller);
            return;
        }
        java.util.List<String> seg = new java.util.ArrayList<>(java.util.List.of(rest.substring(1).split("/")));
        String namespace = null;
        if (seg.get(0).equals("namespaces") && seg.size() >= 3) {
            namespace = seg.get(1);
            seg = seg.subList(2, seg.size());
        }
        String resource = seg.get(0);
        String name = seg.size() >= 2 ? seg.get(1) : null;
        if (seg.size() >= 3) {
            resource = resource + "/" + seg.get(2);
        }
        String api = m.group(1);
        if (CREATE_ONLY.contains(resource)) {
            calls.add(new Call(caller, api, s, "create", group, resource, namespace, null));
        } else if (name == null) {
            calls.add(new Call(caller, api, s, "list", group, resource, namespace, null));
            calls.add(new Call(caller, api, s, "watch", group, resource, namespace, null));
        } else {
            calls.add(new Call(caller, api, s, "get", group, resource, namespace, name));
        }
    }

    private static Call map(String caller, String api, String method, Set<String> unmapped) {
        String group = GROUPS.get(api);
        Matcher m = METHOD.matcher(method.replaceFirst("(Call|WithHttpInfo|Async)$", ""));
        if (group == null || !m.matches()) {
            unmapped.add(api + "." + method + " from " + caller);
            return null;
        }
        String verb = switch (m.group(1)) {
            case "read" -> "get";
            case "replace" -> "update";
            default -> m.group(1);
        };
        String resource = plural(m.group(3)) + (m.group(5) != null ? "/status" : "");
        return new Call(caller, api, method, verb, group, resource);
    }

    /** The resource name of a kind: ConfigMap -> configmaps, TokenReview -> tokenreviews, Endpoints -> endpoints. */
    static String plural(String kind) {
        String lower = kind.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("s")) {
            return lower;
        }
        if (lower.endsWith("y")) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower + "s";
    }
}
