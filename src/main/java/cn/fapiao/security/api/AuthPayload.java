package cn.fapiao.security.api;

import cn.fapiao.taxpayer.api.UserInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.Instant;

@Description("The result of `login` and `refreshToken`: a short-lived access token for `Authorization: Bearer`, and a refresh token to get the next one.")
public record AuthPayload(
        @NonNull @Description("Signed JWT (RS256) to send as `Authorization: Bearer <token>`.") String accessToken,
        @NonNull @Description("When the access token stops working.") Instant accessTokenExpiresAt,
        @NonNull @Description("Opaque, single-use: exchange it with `refreshToken` for a new pair. Using it twice ends the session.") String refreshToken,
        @NonNull @Description("When the refresh token stops working.") Instant refreshTokenExpiresAt,
        @NonNull @Description("Who logged in.") UserInfo user) {
}
