package cn.fapiao.reference.api;

import cn.fapiao.domain.Region;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A tax region: a province-level division (e.g. 1100 Beijing) or a separately planned city (e.g. 4403 Shenzhen), whose tax bureau system holds the invoices issued there.")
public record RegionInfo(
        @NonNull @Description("Four-digit region code, e.g. `1100`.") String code,
        @NonNull @Description("English name, e.g. `Beijing`.") String name,
        @NonNull @Description("Chinese name, e.g. `北京`.") String chineseName) {

    public static RegionInfo of(Region region) {
        return region == null ? null : new RegionInfo(region.code(), region.name(), region.chineseName());
    }
}
