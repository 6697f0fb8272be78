package cn.fapiao.database;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseUrlTest {

    @Test
    void expandsAFullUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://fapiao:s%40cret@db.example:6543/invoices?sslmode=require");
        assertEquals("postgresql://db.example:6543/invoices?sslmode=require", url.reactiveUrl());
        assertEquals("jdbc:postgresql://db.example:6543/invoices?sslmode=require", url.jdbcUrl());
        assertEquals("fapiao", url.username());
        assertEquals("s@cret", url.password());
    }

    @Test
    void defaultsPortAndDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://db");
        assertEquals("jdbc:postgresql://db:5432/postgres", url.jdbcUrl());
        assertNull(url.username());
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(DatabaseUrl.parse("postgresql://u:topsecret@h/d").toString().contains("topsecret"));
    }

    @Test
    void refusesOtherSchemes() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://h/d"));
    }
}
