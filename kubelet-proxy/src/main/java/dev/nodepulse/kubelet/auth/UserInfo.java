package dev.nodepulse.kubelet.auth;

import java.util.List;
import java.util.Map;

/** An authenticated Kubernetes user, as TokenReview returns it and SubjectAccessReview takes it. */
public record UserInfo(String name, String uid, List<String> groups, Map<String, List<String>> extra) {

    public UserInfo {
        groups = groups == null ? List.of() : List.copyOf(groups);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        uid = uid == null ? "" : uid;
    }
}
