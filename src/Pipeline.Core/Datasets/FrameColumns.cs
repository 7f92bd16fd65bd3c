namespace Pipeline.Core.Datasets;

/// <summary>The columns every dataset's return has, before its own count fields.</summary>
public static class FrameColumns
{
    public const string Quarter = "quarter";
    public const string AreaCode = "area_code";
    public const string AreaName = "area_name";
}
