using MootaDesk.Core.Shared;

namespace MootaDesk.Core.Tests.Shared;

public class ReadDurationTests
{
    [Theory]
    [InlineData(28_080, 7, 48, 0)] // was shown "7.8 jam"
    [InlineData(3_599.9, 1, 0, 0)]
    [InlineData(2_700, 0, 45, 0)]
    [InlineData(89, 0, 1, 0)]
    [InlineData(42.4, 0, 0, 42)]
    [InlineData(-5, 0, 0, 0)]
    public void Spans_read_as_hours_and_minutes_minutes_or_seconds(double seconds, int hours, int minutes, int secs) =>
        ReadDuration.From(seconds).ShouldBe(new ReadDuration(hours, minutes, secs));
}
