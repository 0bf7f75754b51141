package dev.nodepulse.deploy;

/** Paths inside the image (Dockerfile). */
final class ImagePaths {

    static final String AGENT_LAUNCHER = "/opt/nodepulse/bin/nodepulse-agent";
    static final String AGGREGATOR_LAUNCHER = "/opt/nodepulse/bin/nodepulse-aggregator";

    private ImagePaths() {}
}
