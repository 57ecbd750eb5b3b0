using GenericHostSample;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sprig;

// A Generic Host whose container is a Sprig ApplicationContext: framework services (logging, options, hosted services)
// and the attributed components of this assembly are one set of components that inject each other.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.Configure<GreetingOptions>(options => options.Salutation = "Welcome");
builder.Services.AddHostedService<Worker>();
builder.ConfigureContainer(new SprigServiceProviderFactory());

using var host = builder.Build();
var context = (ApplicationContext)host.Services;
Console.WriteLine($"The host's container is a Sprig context ({context.State}); GreetingService is a component: {context.Contains("GreetingService")}");
await host.RunAsync();
