package dev.nodepulse.procfs.netlink;

/**
 * The BSS an interface belongs to. {@code status} is nl80211's BSS status: 0 authenticated, 1 associated,
 * 2 not associated, 3 IBSS joined.
 */
public record WifiBss(String ssid, String bssid, int status) {

    public static final int AUTHENTICATED = 0;
    public static final int ASSOCIATED = 1;
    public static final int IBSS_JOINED = 3;
}
