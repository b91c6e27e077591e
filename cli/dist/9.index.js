export const id = 9;
export const ids = [9];
export const modules = {

/***/ 1009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sdkClients: () => (/* binding */ sdkClients)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(25607);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47453);
/* harmony import */ var _core_aws_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53248);



/**
 * The real AWS clients for `resolve`. Loaded with `await import()` only when resolve is on: the
 * EC2 and STS SDKs are most of the bundle and most of its start-up, and the offline check (the
 * common case) never needs them.
 */
function sdkClients(settings, env) {
    const aws = settings.aws;
    return {
        sts: () => new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_1__.STSClient((0,_core_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientOptions */ .BE)('STS', 'az-check', aws, env)),
        ec2: (region, credentials) => new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .EC2Client */ .gu5({
            ...(0,_core_aws_js__WEBPACK_IMPORTED_MODULE_0__/* .awsClientOptions */ .BE)('EC2', 'az-check', { ...aws, region }, env),
            ...(credentials ? { credentials } : {}),
        }),
    };
}


/***/ })

};
