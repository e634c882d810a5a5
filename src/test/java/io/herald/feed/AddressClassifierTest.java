package io.herald.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                 | loopback
            127.255.255.254           | loopback
            0.0.0.0                   | unspecified (this-network)
            10.0.0.1                  | private
            10.255.255.255            | private
            172.16.0.1                | private
            172.31.255.255            | private
            192.168.1.1               | private
            169.254.169.254           | link-local
            169.254.0.1               | link-local
            100.64.0.1                | carrier-grade NAT (shared)
            100.127.255.255           | carrier-grade NAT (shared)
            224.0.0.1                 | multicast
            239.255.255.250           | multicast
            255.255.255.255           | reserved
            ::1                       | loopback
            ::                        | unspecified
            fc00::1                   | private (unique-local)
            fd12:3456:789a::1         | private (unique-local)
            fe80::1                   | link-local
            febf::1                   | link-local
            fec0::1                   | private (site-local)
            ff02::1                   | multicast
            ::ffff:127.0.0.1          | loopback
            ::ffff:10.1.2.3           | private
            ::ffff:169.254.169.254    | link-local
            ::127.0.0.1               | loopback
            64:ff9b::a9fe:a9fe        | link-local
            2002:c0a8:0101::1         | private
            """)
    void refusesNonPublicAddresses(String address, String kind) throws Exception {
        assertThat(AddressClassifier.forbiddenKind(InetAddress.getByName(address))).contains(kind);
    }

    @ParameterizedTest(name = "{0} is public")
    @CsvSource({
        "93.184.216.34", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "192.169.0.1",
        "100.63.255.255", "100.128.0.1", "169.253.255.255", "11.0.0.1", "223.255.255.255",
        "2606:4700:4700::1111", "2001:db8::1", "::ffff:8.8.8.8", "2002:0808:0808::1", "fbff::1"
    })
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(AddressClassifier.forbiddenKind(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest(name = "literal {0}")
    @CsvSource({"127.0.0.1,true", "[::1],true", "::1,true", "example.org,false", "localhost,false",
        "feed.example,false"})
    void recognisesIpLiterals(String host, boolean literal) {
        assertThat(AddressClassifier.literal(host).isPresent()).isEqualTo(literal);
    }
}
