package cn.fapiao.taxpayer.api;

import cn.fapiao.security.Role;
import cn.fapiao.taxpayer.AppUser;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("A user of an organisation.")
public record UserInfo(
        @Id @NonNull String id,
        @NonNull String username,
        String displayName,
        @NonNull @Description("The organisation the user belongs to (its id).") @Id String organisationId,
        @NonNull List<@NonNull Role> roles,
        @NonNull @Description("Whether a one-time password is required at login.") boolean totpEnabled,
        @NonNull @Description("Disabled users cannot log in.") boolean active) {

    public static UserInfo of(AppUser user) {
        return new UserInfo(user.id.toString(), user.username, user.displayName, user.organisationId.toString(),
                user.roleSet().stream().sorted().toList(), user.totpEnabled, user.active);
    }
}
