using Microsoft.Extensions.Logging;
using Sprig;

namespace Quickstart;

/// <summary>Cullinan's classic pair, part one: a service that other services inject.</summary>
[Service]
public class EmailService(ILogger<EmailService> logger)
{
    public List<string> Sent { get; } = [];

    [Value("mail.sender")]
    public string Sender { get; set; } = "noreply@sprig.dev";

    public void Send(string to, string subject)
    {
        Sent.Add($"{Sender} -> {to}: {subject}");
        logger.LogInformation("Sent '{Subject}' to {To}", subject, to);
    }
}
