package dev.nodepulse.deploy;

import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RBAC as the API server evaluates it, for one rendered manifest: which rules a service account gets from the
 * ClusterRoleBindings and RoleBindings there, resolved against the roles there and the built-in roles the
 * bindings name (their rules as Kubernetes' bootstrap policy defines them).
 */
final class Rbac {

    /** A request: verb on group/resource[/subresource], in a namespace (null: cluster-wide), for a name (null: any). */
    record Request(String verb, String group, String resource, String namespace, String name) {
        @Override
        public String toString() {
            return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource
                    + (namespace == null ? " (cluster-wide)" : " in " + namespace) + (name == null ? "" : " name=" + name);
        }
    }

    /** Built-in ClusterRoles that bindings here refer to, with the rules bootstrap policy gives them. */
    static final Map<String, List<V1PolicyRule>> BUILTIN_CLUSTER_ROLES = Map.of(
            "system:auth-delegator", List.of(
                    rule("authentication.k8s.io", "tokenreviews", List.of("create"), List.of()),
                    rule("authorization.k8s.io", "subjectaccessreviews", List.of("create"), List.of())));

    /** Built-in Roles, by namespace/name. */
    static final Map<String, List<V1PolicyRule>> BUILTIN_ROLES = Map.of(
            "kube-system/extension-apiserver-authentication-reader", List.of(
                    rule("", "configmaps", List.of("get", "list", "watch"), List.of("extension-apiserver-authentication"))));

    private final Manifest manifest;

    Rbac(Manifest manifest) {
        this.manifest = manifest;
    }

    static V1PolicyRule rule(String group, String resource, List<String> verbs, List<String> names) {
        return new V1PolicyRule().apiGroups(List.of(group)).resources(List.of(resource)).verbs(verbs)
                .resourceNames(names.isEmpty() ? null : names);
    }

    boolean allows(String saNamespace, String saName, Request r) {
        for (V1ClusterRoleBinding b : manifest.all(V1ClusterRoleBinding.class)) {
            if (bindsServiceAccount(b.getSubjects(), saNamespace, saName)
                    && matchesAny(clusterRoleRules(b.getRoleRef()), r)) {
                return true;
            }
        }
        if (r.namespace() == null) {
            return false; // cluster-wide requests need a ClusterRoleBinding
        }
        for (V1RoleBinding b : manifest.all(V1RoleBinding.class)) {
            if (r.namespace().equals(b.getMetadata().getNamespace())
                    && bindsServiceAccount(b.getSubjects(), saNamespace, saName)
                    && matchesAny(roleRules(b.getMetadata().getNamespace(), b.getRoleRef()), r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean bindsServiceAccount(List<RbacV1Subject> subjects, String ns, String name) {
        return subjects != null && subjects.stream().anyMatch(s -> "ServiceAccount".equals(s.getKind())
                && name.equals(s.getName()) && ns.equals(s.getNamespace()));
    }

    private List<V1PolicyRule> clusterRoleRules(V1RoleRef ref) {
        if (!"ClusterRole".equals(ref.getKind())) {
            throw new AssertionError("a ClusterRoleBinding must refer to a ClusterRole: " + ref);
        }
        for (V1ClusterRole r : manifest.all(V1ClusterRole.class)) {
            if (r.getMetadata().getName().equals(ref.getName())) {
                return r.getRules() == null ? List.of() : r.getRules();
            }
        }
        List<V1PolicyRule> builtin = BUILTIN_CLUSTER_ROLES.get(ref.getName());
        if (builtin == null) {
            throw new AssertionError("binding to ClusterRole " + ref.getName() + ", which is neither rendered nor a known built-in");
        }
        return builtin;
    }

    private List<V1PolicyRule> roleRules(String namespace, V1RoleRef ref) {
        if ("ClusterRole".equals(ref.getKind())) {
            return clusterRoleRules(ref);
        }
        for (V1Role r : manifest.all(V1Role.class)) {
            if (r.getMetadata().getName().equals(ref.getName()) && namespace.equals(r.getMetadata().getNamespace())) {
                return r.getRules() == null ? List.of() : r.getRules();
            }
        }
        List<V1PolicyRule> builtin = BUILTIN_ROLES.get(namespace + "/" + ref.getName());
        if (builtin == null) {
            throw new AssertionError("binding to Role " + namespace + "/" + ref.getName() + ", which is neither rendered nor a known built-in");
        }
        return builtin;
    }

    private static boolean matchesAny(List<V1PolicyRule> rules, Request r) {
        return rules.stream().anyMatch(rule -> matches(rule, r));
    }

    static boolean matches(V1PolicyRule rule, Request r) {
        return has(rule.getVerbs(), r.verb()) && has(rule.getApiGroups(), r.group())
                && has(rule.getResources(), r.resource())
                && (rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                        || (r.name() != null && rule.getResourceNames().contains(r.name())));
    }

    private static boolean has(List<String> list, String value) {
        return list != null && (list.contains("*") || list.contains(value));
    }

    /** Every request the rules bound to a service account could not make (for messages). */
    List<Request> denied(String saNamespace, String saName, List<Request> requests) {
        List<Request> out = new ArrayList<>();
        for (Request r : requests) {
            if (!allows(saNamespace, saName, r)) {
                out.add(r);
            }
        }
        return out;
    }

    static boolean sameSubject(RbacV1Subject s, String ns, String name) {
        return Objects.equals(s.getNamespace(), ns) && Objects.equals(s.getName(), name);
    }
}
