#pragma once
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <stdint.h>
#include <stdarg.h>
#include <microhttpd.h>

/// MHD_start_daemon is variadic, so Swift cannot call it: this wrapper fixes the options Folio uses.
/// `addr` (a sockaddr_in or sockaddr_in6) selects the interface; its port wins over `port`.
static inline struct MHD_Daemon *folio_mhd_start(unsigned int flags, uint16_t port, const struct sockaddr *addr,
                                                 MHD_AccessHandlerCallback handler, void *handler_cls,
                                                 MHD_RequestCompletedCallback completed, void *completed_cls,
                                                 unsigned int thread_pool_size, unsigned int connection_timeout) {
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_cls,
                            MHD_OPTION_SOCK_ADDR, addr,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, completed_cls,
                            MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size,
                            MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout,
                            MHD_OPTION_END);
}

/// The port the daemon listens on (useful after binding port 0); MHD_get_daemon_info is variadic.
static inline uint16_t folio_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}
