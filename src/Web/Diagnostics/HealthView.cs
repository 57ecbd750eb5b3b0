using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Sprig.Web.Diagnostics.Json;

namespace Sprig.Web.Diagnostics;

/// <summary>
/// Runs the health checks of <c>GET {prefix}/health</c>: the context's state ("context": Healthy while Running, else Unhealthy)
/// and the application's ASP.NET Core health checks — through its <see cref="HealthCheckService"/> when it called
/// <c>services.AddHealthChecks()</c>, otherwise the registrations of <see cref="HealthCheckServiceOptions"/> (where Sprig.Nats
/// adds "nats") are run here the same way. The overall status is the worst of them. Descriptions are masked like /config values.
/// </summary>
internal static class HealthView
{
    public const string ContextCheck = "context";

    public static async Task<HealthJson> CheckAsync(ApplicationContext context, IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var state = context.State;
        var checks = new List<HealthCheckJson>
        {
            new(ContextCheck, Status(state == ContextState.Running ? HealthStatus.Healthy : HealthStatus.Unhealthy), $"The application context is {state}.", 0),
        };
        var worst = state == ContextState.Running ? HealthStatus.Healthy : HealthStatus.Unhealthy;
        var secrets = SecretMask.Secrets(configuration);
        foreach (var (name, entry) in await RunAsync(services, cancellationToken).ConfigureAwait(false))
        {
            // A failure's message may quote a connection string or a key: masked as /config masks them.
            var description = SecretMask.InText(entry.Description ?? entry.Exception?.Message, secrets);
            checks.Add(new HealthCheckJson(name, Status(entry.Status), description, entry.Duration.TotalMilliseconds));
            worst = entry.Status < worst ? entry.Status : worst;
        }

        return new HealthJson(Status(worst), state.ToString(), checks);
    }

    private static string Status(HealthStatus status) => status.ToString();

    private static async Task<IEnumerable<KeyValuePair<string, HealthReportEntry>>> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<HealthCheckService>() is { } service)
        {
            return (await service.CheckHealthAsync(cancellationToken).ConfigureAwait(false)).Entries;
        }

        var registrations = services.GetService<IOptions<HealthCheckServiceOptions>>()?.Value.Registrations ?? [];
        var entries = new List<KeyValuePair<string, HealthReportEntry>>();
        foreach (var registration in registrations)
        {
            entries.Add(new(registration.Name, await RunAsync(registration, services, cancellationToken).ConfigureAwait(false)));
        }

        return entries;
    }

    /// <summary>Runs one registration as <see cref="HealthCheckService"/> does: its timeout, and its failure status when it throws.</summary>
    private static async Task<HealthReportEntry> RunAsync(HealthCheckRegistration registration, IServiceProvider services, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (registration.Timeout > TimeSpan.Zero && registration.Timeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(registration.Timeout);
        }

        try
        {
            var check = registration.Factory(services);
            var result = await check.CheckHealthAsync(new HealthCheckContext { Registration = registration }, timeout.Token).ConfigureAwait(false);
            return new HealthReportEntry(result.Status, result.Description, watch.Elapsed, result.Exception, result.Data, registration.Tags);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthReportEntry(registration.FailureStatus, "A timeout occurred while running check.", watch.Elapsed, ex, null, registration.Tags);
        }
#pragma warning disable CA1031 // A failing check is a result (its failure status), as in HealthCheckService, not a failed request.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new HealthReportEntry(registration.FailureStatus, ex.Message, watch.Elapsed, ex, null, registration.Tags);
        }
    }
}
