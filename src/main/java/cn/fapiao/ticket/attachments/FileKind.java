package cn.fapiao.ticket.attachments;

import java.util.Optional;

/**
 * What a file is, by its first bytes (magic numbers), never by its name: PNG, JPEG or PDF, the
 * formats invoices are photographed, scanned and delivered in.
 */
public enum FileKind {
    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'});

    private final String mediaType;
    private final byte[] magic;

    FileKind(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<FileKind> of(byte[] content) {
        for (FileKind kind : values()) {
            if (content.length >= kind.magic.length && startsWith(content, kind.magic)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
