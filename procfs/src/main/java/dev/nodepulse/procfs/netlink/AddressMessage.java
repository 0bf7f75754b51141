package dev.nodepulse.procfs.netlink;

import java.net.InetAddress;

/**
 * One RTM_NEWADDR message: an interface address and its prefix length. The address is IFA_LOCAL when the
 * kernel sent one (the local end of a point-to-point link, and the plain address for IPv4), IFA_ADDRESS
 * otherwise, as Go's net package chooses.
 */
public record AddressMessage(int index, int family, int prefixLength, InetAddress address) {
}
