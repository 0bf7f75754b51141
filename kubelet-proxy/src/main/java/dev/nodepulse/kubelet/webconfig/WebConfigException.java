package dev.nodepulse.kubelet.webconfig;

/** A web config file that cannot be used; the message is what node_exporter would say, where it says something. */
public class WebConfigException extends Exception {

    public WebConfigException(String message) {
        super(message);
    }

    public WebConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
