export const id = 353;
export const ids = [353];
export const modules = {

/***/ 6353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveZones: () => (/* binding */ resolveZones)
/* harmony export */ });
/* unused harmony export ROLE_SESSION_NAME */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7988);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7453);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8882);



const ROLE_SESSION_NAME = 'resilience-gates-az-check';
const ACCOUNT_FROM_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):/;
async function resolveZones(regions, roleArns, clients, log, onSecret = () => { }) {
    const resolution = { accounts: [], errors: [] };
    if (regions.length === 0)
        return resolution;
    const targets = roleArns.length > 0 ? roleArns : [undefined];
    for (const roleArn of targets) {
        try {
            const account = await resolveAccount(regions, roleArn, clients, log, onSecret);
            resolution.accounts.push(account);
        }
        catch (error) {
            const message = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAwsError */ .Pp)(error, roleArn ? `Resolving AZ IDs as ${roleArn}` : 'Resolving AZ IDs');
            log.warning(message);
            resolution.errors.push(message);
        }
    }
    return resolution;
}
async function resolveAccount(regions, roleArn, clients, log, onSecret) {
    let credentials;
    let account;
    if (roleArn) {
        credentials = await assumeRole(clients, roleArn, onSecret);
        account = ACCOUNT_FROM_ARN.exec(roleArn)?.[1] ?? roleArn;
    }
    else {
        const identity = await clients.sts().send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_1__/* .GetCallerIdentityCommand */ .zI({}));
        account = identity.Account ?? 'current account';
    }
    const zones = new Map();
    for (const region of regions) {
        log.info(`Resolving AZ names to IDs in ${region} for account ${account}`);
        const response = await clients
            .ec2(region, credentials)
            .send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeAvailabilityZonesCommand */ .prB({ AllAvailabilityZones: true }));
        for (const zone of response.AvailabilityZones ?? []) {
            if (zone.ZoneName && zone.ZoneId)
                zones.set(zone.ZoneName, zone.ZoneId);
        }
    }
    return { account, via: roleArn ?? 'current credentials', zones };
}
async function assumeRole(clients, roleArn, onSecret) {
    const response = await clients
        .sts()
        .send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_1__/* .AssumeRoleCommand */ .QL({ RoleArn: roleArn, RoleSessionName: ROLE_SESSION_NAME }));
    const c = response.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw new Error(`AssumeRole of ${roleArn} returned no credentials`);
    }
    onSecret(c.SecretAccessKey);
    onSecret(c.SessionToken);
    return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
}


/***/ })

};
