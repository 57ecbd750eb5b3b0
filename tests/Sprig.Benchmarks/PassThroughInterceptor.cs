using Castle.DynamicProxy;

namespace Sprig.Benchmarks;

/// <summary>The reference for a lazy proxy call: a Castle DynamicProxy interceptor that only proceeds to the target.</summary>
public sealed class PassThroughInterceptor : IInterceptor
{
    public void Intercept(IInvocation invocation) => invocation.Proceed();
}
