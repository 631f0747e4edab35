#include "test_threads.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

void test_threads_run(void *(*fn)(void *), void *args, size_t size, int n)
{
    pthread_t th[16];
    if (n > 16) abort();
    for (int i = 0; i < n; i++)
        if (pthread_create(&th[i], NULL, fn, (char *)args + (size_t)i * size) != 0) {
            fprintf(stderr, "test_threads_run: thread %d did not start\n", i);
            abort();
        }
    for (int i = 0; i < n; i++) pthread_join(th[i], NULL);
}
