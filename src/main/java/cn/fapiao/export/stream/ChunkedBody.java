package cn.fapiao.export.stream;

import io.vertx.core.buffer.Buffer;

import java.io.OutputStream;

/**
 * Where a file writer writes: bytes collect here until {@link #take} hands them to the HTTP
 * response as one chunk. Never holds more than what was written since the last {@code take}.
 */
public final class ChunkedBody extends OutputStream {

    /** How many bytes make a chunk worth sending. */
    public static final int CHUNK = 32 * 1024;

    private Buffer pending = Buffer.buffer(CHUNK + 1024);

    @Override
    public void write(int b) {
        pending.appendByte((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        pending.appendBytes(bytes, offset, length);
    }

    public boolean isFull() {
        return pending.length() >= CHUNK;
    }


    /** The bytes written so far, emptying this body. */
    public Buffer take() {
        Buffer chunk = pending;
        pending = Buffer.buffer(CHUNK + 1024);
        return chunk;
    }
}
