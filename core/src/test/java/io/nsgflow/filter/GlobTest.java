package io.nsgflow.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "UserRule_*, UserRule_AllowSSH, true",
        "UserRule_*, userrule_allowssh, true", // any case
        "UserRule_*, UserRule_, true",
        "UserRule_*, DefaultRule_AllowVnetInBound, false",
        "*Deny*, DefaultRule_DenyAllInBound, true",
        "Allow, DefaultRule_AllowX, false", // the whole name, not a part of it
        "DB-NSG, db-nsg, true",
        "DB-NSG, DB-NSG-2, false",
        "?B-NSG, DB-NSG, true",
        "?B-NSG, B-NSG, false",
        "a.b, axb, false", // regex characters are literal
        "a.b, a.b, true",
        "rule(1)+, rule(1)+, true",
        "*, '', true",
        "'', '', true",
        "'', x, false",
    })
    void matches(String glob, String name, boolean expected) {
        assertThat(Glob.parse(glob).matches(name)).isEqualTo(expected);
    }

    @Test
    void aMissingNameNeverMatches() {
        assertThat(Glob.parse("*").matches(null)).isFalse();
    }
}
