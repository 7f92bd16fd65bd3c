namespace Pipeline.Core.Ports;

public enum Disposition
{
    Accepted,
    Rejected,
}
