using System.Net;
using MootaDesk.Core.Integrations;
using MootaDesk.Tests.Shared;

namespace MootaDesk.Web.Tests.Integrations.Moota;

/// <summary>The Moota client's standard resilience handler, as the app registers it, against the fake Moota.</summary>
public class MootaApiResilienceTests
{
    private readonly FakeMootaServer _moota = new();
    private readonly CapturingLogger<MootaApiClient> _log = new();

    public MootaApiResilienceTests() => _moota.AddBank("bank-bca-1", "bcaV3", "0123456789", "BCA Toko", "PT Toko Maju");

    [Fact]
    public async Task Moota_asking_to_wait_with_Retry_After_is_waited_for_before_the_retry()
    {
        var time = TestTime.Create();
        var client = _moota.CreateApiClient(new MootaPullOptions { RetryDelay = TimeSpan.FromSeconds(2), MaxRetries = 3 }, _log, time);
        _moota.Failures.Enqueue(HttpStatusCode.TooManyRequests);
        _moota.RetryAfter = TimeSpan.FromSeconds(90);

        var call = client.GetBanksAsync(_moota.Token);
        await WaitUntilAsync(() => _log.Lines.Any(l => l.Contains("retrying in 00:01:30")));
        call.IsCompleted.ShouldBeFalse();
        _moota.Requests.Count.ShouldBe(1);

        time.Advance(TimeSpan.FromSeconds(90));
        (await call.WaitAsync(TimeSpan.FromSeconds(30))).Single().BankId.ShouldBe("bank-bca-1");
        _moota.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public void A_Retry_After_longer_than_two_minutes_is_not_obeyed_the_backoff_decides()
    {
        MootaApiClientRegistration.RetryAfter(WithRetryAfter(TimeSpan.FromMinutes(10)), TimeProvider.System).ShouldBeNull();
        MootaApiClientRegistration.RetryAfter(WithRetryAfter(TimeSpan.FromSeconds(30)), TimeProvider.System).ShouldBe(TimeSpan.FromSeconds(30));
        MootaApiClientRegistration.RetryAfter(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), TimeProvider.System).ShouldBeNull();

        var time = TestTime.Create();
        var dated = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        dated.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(45));
        MootaApiClientRegistration.RetryAfter(dated, time).ShouldBe(TimeSpan.FromSeconds(45));

        static HttpResponseMessage WithRetryAfter(TimeSpan wait)
        {
            var r = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
            return r;
        }
    }

    [Fact]
    public async Task A_Moota_that_keeps_failing_trips_the_breaker_and_the_next_call_fails_without_calling_it()
    {
        var client = _moota.CreateApiClient(new MootaPullOptions { RetryDelay = TimeSpan.Zero, MaxRetries = 4 }, _log);
        _moota.AlwaysAnswer = HttpStatusCode.InternalServerError;

        for (var i = 0; i < 2; i++)
            (await Should.ThrowAsync<MootaApiException>(() => client.GetBanksAsync(_moota.Token))).Failure.ShouldBe(MootaApiFailure.Unavailable);
        _moota.Requests.Count.ShouldBe(10); // two calls, each one try and four retries

        var refused = await Should.ThrowAsync<MootaApiException>(() => client.GetBanksAsync(_moota.Token));
        refused.Failure.ShouldBe(MootaApiFailure.Unreachable);
        _moota.Requests.Count.ShouldBe(10);
    }

    [Fact]
    public async Task A_refused_token_is_answered_at_once_without_retries()
    {
        var client = _moota.CreateApiClient(new MootaPullOptions { RetryDelay = TimeSpan.Zero, MaxRetries = 4 }, _log);
        (await Should.ThrowAsync<MootaApiException>(() => client.GetBanksAsync("wrong-token"))).Failure.ShouldBe(MootaApiFailure.Unauthorized);
        _moota.Requests.Count.ShouldBe(1);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25);
        condition().ShouldBeTrue();
    }
}
