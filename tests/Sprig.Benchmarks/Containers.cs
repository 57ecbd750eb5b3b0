using Autofac;
using Grace.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sprig.Benchmarks;

/// <summary>Builds the same object graphs in each container: Sprig, MS.DI, Grace and Autofac.</summary>
internal static class Containers
{
    public const string SingletonName = "Singleton1";

    public static ApplicationContext Sprig()
    {
        var registry = new PendingRegistry()
            .Register(SingletonName, typeof(Singleton1)).Register("Singleton2", typeof(Singleton2)).Register("Singleton3", typeof(Singleton3));
        foreach (var type in new[]
                 {
                     typeof(Leaf), typeof(Prototype1), typeof(Prototype2), typeof(Prototype3), typeof(Root),
                     typeof(PropertyPrototype1), typeof(PropertyPrototype2), typeof(PropertyPrototype3), typeof(PropertyRoot),
                     typeof(RequestState), typeof(DisposableRequestState), typeof(Worker), typeof(LazyWorkerHolder),
                 })
        {
            registry.Register(type);
        }

        var context = new ApplicationContext(registry, new ConfigurationBuilder().Build(), NullLoggerFactory.Instance);
        context.Refresh();
        return context;
    }

    /// <summary>
    /// Sprig as ASP.NET Core's container: the disposable scoped service is a <see cref="ServiceDescriptor"/> (<c>AddScoped</c>)
    /// that <see cref="SprigServiceProviderFactory"/> turns into a component, with no attributed class involved.
    /// </summary>
    public static ApplicationContext SprigFromDescriptors()
    {
        var services = new ServiceCollection().AddScoped<ScopedDisposable>();
        var factory = new SprigServiceProviderFactory(new PendingRegistry(), new ConfigurationBuilder().Build())
        {
            Options = new ServiceProviderOptions(), // no scope validation, as in Production
        };
        return (ApplicationContext)factory.CreateServiceProvider(factory.CreateBuilder(services));
    }

    public static ServiceProvider MsDi() => new ServiceCollection()
        .AddSingleton<ISingleton1, Singleton1>().AddSingleton<ISingleton2, Singleton2>().AddSingleton<ISingleton3, Singleton3>()
        .AddKeyedSingleton<ISingleton1, Singleton1>(SingletonName)
        .AddTransient<Leaf>().AddTransient<Prototype1>().AddTransient<Prototype2>().AddTransient<Prototype3>().AddTransient<Root>()
        // MS.DI has no property injection: a factory sets the properties, as an application would have to write it.
        .AddTransient(sp => new PropertyPrototype1 { S = sp.GetRequiredService<ISingleton1>() })
        .AddTransient(sp => new PropertyPrototype2 { S = sp.GetRequiredService<ISingleton2>() })
        .AddTransient(sp => new PropertyPrototype3 { S = sp.GetRequiredService<ISingleton3>() })
        .AddTransient(sp => new PropertyRoot
        {
            S1 = sp.GetRequiredService<ISingleton1>(),
            S2 = sp.GetRequiredService<ISingleton2>(),
            S3 = sp.GetRequiredService<ISingleton3>(),
            P1 = sp.GetRequiredService<PropertyPrototype1>(),
            P2 = sp.GetRequiredService<PropertyPrototype2>(),
            P3 = sp.GetRequiredService<PropertyPrototype3>(),
        })
        .AddScoped<RequestState>()
        .AddScoped<ScopedDisposable>()
        .BuildServiceProvider();

    public static DependencyInjectionContainer Grace()
    {
        var container = new DependencyInjectionContainer();
        container.Configure(c =>
        {
            c.Export<Singleton1>().As<ISingleton1>().Lifestyle.Singleton();
            c.Export<Singleton2>().As<ISingleton2>().Lifestyle.Singleton();
            c.Export<Singleton3>().As<ISingleton3>().Lifestyle.Singleton();
            c.Export<Singleton1>().AsKeyed<ISingleton1>(SingletonName).Lifestyle.Singleton();
            c.Export<Leaf>();
            c.Export<Prototype1>();
            c.Export<Prototype2>();
            c.Export<Prototype3>();
            c.Export<Root>();
            c.Export<PropertyPrototype1>().ImportProperty(p => p.S);
            c.Export<PropertyPrototype2>().ImportProperty(p => p.S);
            c.Export<PropertyPrototype3>().ImportProperty(p => p.S);
            c.Export<PropertyRoot>()
                .ImportProperty(p => p.S1).ImportProperty(p => p.S2).ImportProperty(p => p.S3)
                .ImportProperty(p => p.P1).ImportProperty(p => p.P2).ImportProperty(p => p.P3);
            c.Export<RequestState>().Lifestyle.SingletonPerScope();
            c.Export<ScopedDisposable>().Lifestyle.SingletonPerScope();
        });
        return container;
    }

    public static IContainer Autofac()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<Singleton1>().As<ISingleton1>().SingleInstance();
        builder.RegisterType<Singleton2>().As<ISingleton2>().SingleInstance();
        builder.RegisterType<Singleton3>().As<ISingleton3>().SingleInstance();
        builder.RegisterType<Singleton1>().Keyed<ISingleton1>(SingletonName).SingleInstance();
        builder.RegisterType<Leaf>();
        builder.RegisterType<Prototype1>();
        builder.RegisterType<Prototype2>();
        builder.RegisterType<Prototype3>();
        builder.RegisterType<Root>();
        builder.RegisterType<PropertyPrototype1>().PropertiesAutowired();
        builder.RegisterType<PropertyPrototype2>().PropertiesAutowired();
        builder.RegisterType<PropertyPrototype3>().PropertiesAutowired();
        builder.RegisterType<PropertyRoot>().PropertiesAutowired();
        builder.RegisterType<RequestState>().InstancePerLifetimeScope();
        return builder.Build();
    }
}
