namespace OpenG2G.Grid.Tests.Feeders;

/// <summary>Every master file of ../shared/feeders-extra (public IEEE and EPRI test feeders), relative to the shared folder.</summary>
internal static class PublicFeederCatalog
{
    public static readonly string[] Masters =
    [
        "feeders-extra/ieee4_yy_bal/4Bus-YY-Bal.DSS",
        "feeders-extra/ieee4_dy_bal/4Bus-DY-Bal.DSS",
        "feeders-extra/ieee4_grdyd_bal/4Bus-GrdYD-Bal.DSS",
        "feeders-extra/ieee4_yd_bal/4Bus-YD-Bal.DSS",
        "feeders-extra/ieee4_oyod_bal/4Bus-OYOD-Bal.DSS",
        "feeders-extra/ieee4_oyod_bal/4Bus-OYOD-Bal_script1_ppm0.DSS",
        "feeders-extra/ieee4_oyod_unbal/4bus-OYOD-UnBal.dss",
        "feeders-extra/ieee4_yyd/YYD-Master-step1.DSS",
        "feeders-extra/ieee13/IEEE13Nodeckt.dss",
        "feeders-extra/ieee34/ieee34Mod1.dss",
        "feeders-extra/ieee34/ieee34Mod2.dss",
        "feeders-extra/ieee37/ieee37.dss",
        "feeders-extra/ieee123/IEEE123Master.dss",
        "feeders-extra/ieee8500/Master.dss",
        "feeders-extra/ieee8500/Master-unbal.dss",
        "feeders-extra/epri_ckt5/Master_ckt5.dss",
        "feeders-extra/epri_ckt7/Master_ckt7.dss",
        "feeders-extra/epri_ckt24/master_ckt24.dss",
    ];
}
