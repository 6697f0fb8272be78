package cn.fapiao.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where an endpoint may point: every form an address inside the network can take. */
class AddressKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "8.8.8.8, PUBLIC",
            "1.1.1.1, PUBLIC",
            "172.32.0.1, PUBLIC",
            "100.128.0.1, PUBLIC",
            "2606:4700:4700::1111, PUBLIC",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "::1, LOOPBACK",
            "::ffff:127.0.0.1, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.0.1, PRIVATE",
            "100.64.0.1, PRIVATE",
            "fc00::1, PRIVATE",
            "fd00:ec2::254, PRIVATE",
            "169.254.169.254, LINK_LOCAL",
            "::ffff:169.254.169.254, LINK_LOCAL",
            "::169.254.169.254, LINK_LOCAL",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "2002:a9fe:a9fe::, LINK_LOCAL",
            "fe80::1, LINK_LOCAL",
            "0.0.0.0, RESERVED",
            "::, RESERVED",
            "224.0.0.1, RESERVED",
            "255.255.255.255, RESERVED",
            "240.0.0.1, RESERVED",
            "192.0.2.1, RESERVED",
            "198.18.0.1, RESERVED",
            "ff02::1, RESERVED",
            "2001:db8::1, RESERVED"})
    void classifies(String literal, AddressKind kind) {
        assertEquals(kind, AddressKind.ofLiteral(literal));
    }
}
