package cn.fapiao.taxpayer.api;

import cn.fapiao.security.Role;
import cn.fapiao.taxpayer.Organisation;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("An organisation's second-factor policy.")
public record TotpPolicy(
        @NonNull @Description("Users holding any of these roles must log in with a one-time password; those without one are asked to enrol at login (TOTP_ENROLMENT_REQUIRED). Empty: nobody must.")
        List<@NonNull Role> requiredForRoles) {

    public static TotpPolicy of(Organisation organisation) {
        return new TotpPolicy(organisation.totpRequiredRoleSet().stream().sorted().toList());
    }
}
